const { saveToken } = require("./tokens");

function createResetToken(userId) {
  let token = "";
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < 40; i++) token += chars[Math.floor(Math.random() * chars.length)];
  const expiresAt = new Date();
  expiresAt.setHours(expiresAt.getHours() + 1);
  saveToken(userId, token, expiresAt);
  return token;
}

module.exports = { createResetToken };
