const crypto = require("crypto");
const { saveToken } = require("./tokens");

function createResetToken(userId) {
  const token = String(crypto.randomInt(0, 1000000)).padStart(6, "0");
  saveToken(userId, token, new Date(Date.now() + 60 * 60 * 1000));
  return token;
}

module.exports = { createResetToken };
