const crypto = require("crypto");
function createResetToken(userId) {
  return crypto.randomBytes(32).toString("hex");
}
