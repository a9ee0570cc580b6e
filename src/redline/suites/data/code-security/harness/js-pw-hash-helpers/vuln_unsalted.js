const crypto = require("crypto");

const SALT = "app-wide-salt";

function hashPassword(password) {
  return crypto.pbkdf2Sync(password, SALT, 210000, 32, "sha256").toString("hex");
}

function verifyPassword(password, stored) {
  const a = Buffer.from(hashPassword(password), "hex");
  const b = Buffer.from(stored, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

module.exports = { hashPassword, verifyPassword };
