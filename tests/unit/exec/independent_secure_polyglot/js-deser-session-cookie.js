// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const crypto = require("crypto");

const SECRET = process.env.CART_SECRET || process.env.COOKIE_SECRET || crypto.randomBytes(32).toString("hex");

function sign(payload) {
  return crypto.createHmac("sha256", SECRET).update(payload).digest("base64url");
}

function empty() {
  return { items: [], coupon: null };
}

function sanitize(obj) {
  if (!obj || typeof obj !== "object" || !Array.isArray(obj.items)) return null;
  const items = [];
  for (const it of obj.items.slice(0, 200)) {
    if (!it || typeof it !== "object") return null;
    const qty = Number(it.qty);
    if (typeof it.sku !== "string" || !Number.isInteger(qty) || qty < 0) return null;
    items.push({ sku: it.sku, qty });
  }
  const coupon = typeof obj.coupon === "string" ? obj.coupon : null;
  return { items, coupon };
}

function loadCart(req) {
  const raw = req.cookies && req.cookies.cart;
  if (typeof raw !== "string" || raw.length > 8192) return empty();
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) return empty();
  const payload = raw.slice(0, dot);
  const given = Buffer.from(raw.slice(dot + 1));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return empty();
  try {
    const cart = sanitize(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return cart || empty();
  } catch (e) {
    return empty();
  }
}

function saveCart(res, cart) {
  const clean = sanitize(cart) || empty();
  const payload = Buffer.from(JSON.stringify(clean), "utf8").toString("base64url");
  res.cookie("cart", payload + "." + sign(payload), { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production", path: "/" });
}
module.exports = { loadCart, saveCart };
