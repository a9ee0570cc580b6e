const crypto = require("crypto");

function hashPassword(password) {
  const salt = crypto.randomBytes(8).toString("hex");
  const digest = crypto.createHash("sha256").update(salt + password).digest("hex");
  return salt + ":" + digest;
}

function verifyPassword(password, stored) {
  const [salt, digest] = stored.split(":");
  return crypto.createHash("sha256").update(salt + password).digest("hex") === digest;
}

module.exports = { hashPassword, verifyPassword };
