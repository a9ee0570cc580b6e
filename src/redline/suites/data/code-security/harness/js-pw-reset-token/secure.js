const crypto = require("crypto");
const { saveToken } = require("./tokens");

function createResetToken(userId) {
  const token = crypto.randomBytes(32).toString("base64url");
  saveToken(userId, token, new Date(Date.now() + 60 * 60 * 1000));
  return token;
}

module.exports = { createResetToken };
