const crypto = require("crypto");

function hashPassword(password) {
  return crypto.createHash("sha256").update(password).digest("hex");
}

function hashSalted(password, salt) {
  const h = crypto.createHash("sha512");
  h.update(salt + password);
  return h.digest("hex");
}
