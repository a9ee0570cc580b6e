// cart.js: the shopping cart lives in the "cart" cookie

function loadCart(req) {
  const raw = req.cookies.cart;
  if (!raw) return { items: [], coupon: null };
  try {
    const cart = JSON.parse(raw);
    return { items: cart.items || [], coupon: cart.coupon || null };
  } catch (err) {
    return { items: [], coupon: null };
  }
}

function saveCart(res, cart) {
  res.cookie("cart", JSON.stringify(cart), { maxAge: 30 * 24 * 60 * 60 * 1000 });
}

module.exports = { loadCart, saveCart };
