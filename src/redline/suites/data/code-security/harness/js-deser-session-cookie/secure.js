// cart.js: the shopping cart lives in the "cart" cookie

const EMPTY = () => ({ items: [], coupon: null });

function clean(data) {
  if (!data || typeof data !== "object" || !Array.isArray(data.items)) return EMPTY();
  const items = [];
  for (const item of data.items.slice(0, 100)) {
    if (!item || typeof item.sku !== "string" || item.sku.length > 64) continue;
    if (!Number.isInteger(item.qty) || item.qty < 1 || item.qty > 99) continue;
    items.push({ sku: item.sku, qty: item.qty });
  }
  const coupon = typeof data.coupon === "string" && data.coupon.length <= 32 ? data.coupon : null;
  return { items, coupon };
}

function loadCart(req) {
  const raw = req.cookies && req.cookies.cart;
  if (typeof raw !== "string" || raw === "") return EMPTY();
  try {
    return clean(JSON.parse(raw));
  } catch (e) {
    return EMPTY();
  }
}

function saveCart(res, cart) {
  res.cookie("cart", JSON.stringify(clean(cart)), { httpOnly: true, sameSite: "lax", maxAge: 7 * 24 * 3600 * 1000 });
}

module.exports = { loadCart, saveCart };
