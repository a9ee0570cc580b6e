// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const crypto = require("crypto");
const { saveToken } = require("./tokens");

function createResetToken(userId) {
  const token = crypto.randomBytes(32).toString("hex");
  const expiresAt = new Date(Date.now() + 60 * 60 * 1000);
  saveToken(userId, token, expiresAt);
  return token;
}
module.exports = { createResetToken };
