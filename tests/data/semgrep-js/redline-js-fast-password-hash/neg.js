const crypto = require("crypto");

function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, 64);
  return salt.toString("hex") + ":" + key.toString("hex");
}

function etag(body) {
  return crypto.createHash("sha256").update(body).digest("hex");
}
