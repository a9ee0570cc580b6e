const crypto = require("crypto");

function resetToken() {
  return crypto.pseudoRandomBytes(32).toString("hex");
}

module.exports = { resetToken };
