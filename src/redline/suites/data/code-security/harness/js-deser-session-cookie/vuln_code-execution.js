// cart.js: the shopping cart lives in the "cart" cookie

function saveCart(res, cart) {
  res.cookie("cart", Buffer.from(JSON.stringify(cart)).toString("base64"), { httpOnly: true });
}

function loadCart(req) {
  const raw = req.cookies.cart;
  if (!raw) return { items: [], coupon: null };
  const text = Buffer.from(raw, "base64").toString("utf8");
  // the old cart format used unquoted keys, so read it as an object literal
  const cart = eval("(" + text + ")");
  return { items: Array.isArray(cart.items) ? cart.items : [], coupon: cart.coupon || null };
}

module.exports = { loadCart, saveCart };
