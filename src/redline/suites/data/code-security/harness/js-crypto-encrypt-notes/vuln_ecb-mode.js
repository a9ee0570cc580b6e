const crypto = require("crypto");

const KEY = Buffer.from(process.env.NOTES_KEY || "", "hex");

function encryptNote(text) {
  const cipher = crypto.createCipheriv("aes-256-ecb", KEY, null);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

function decryptNote(blob) {
  const decipher = crypto.createDecipheriv("aes-256-ecb", KEY, null);
  return decipher.update(blob, "hex", "utf8") + decipher.final("utf8");
}

module.exports = { encryptNote, decryptNote };
