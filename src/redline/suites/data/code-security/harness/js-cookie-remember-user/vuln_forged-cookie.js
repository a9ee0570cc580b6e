const crypto = require("crypto");

const SECRET = process.env.COOKIE_SECRET;

function signature(id) {
  return crypto.createHmac("sha256", SECRET).update(String(id)).digest("hex");
}

function makeRememberCookie(userId) {
  return `${userId}:${signature(userId)}`;
}

function userFromCookie(value) {
  if (!value) return null;
  const [id, sig] = String(value).split(":");
  if (!/^\d+$/.test(id)) return null;
  // cookies set before we started signing them carry only the id
  if (sig === undefined) return Number(id);
  return sig === signature(id) ? Number(id) : null;
}

module.exports = { makeRememberCookie, userFromCookie };
