const crypto = require("crypto");
const { saveToken } = require("./tokens");

function createResetToken(userId) {
  const now = Date.now();
  const token = crypto.createHash("sha256").update(`${userId}:${now}`).digest("hex");
  saveToken(userId, token, new Date(now + 3600000));
  return token;
}

module.exports = { createResetToken };
