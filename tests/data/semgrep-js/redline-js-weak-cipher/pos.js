const crypto = require("crypto");
const KEY = Buffer.from(process.env.NOTES_KEY, "hex");

function encryptNote(text) {
  const cipher = crypto.createCipheriv("aes-256-cbc", KEY, Buffer.alloc(16, 0));
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

function encryptEcb(text) {
  const cipher = crypto.createCipheriv("aes-256-ecb", KEY, null);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}
