// probe: {"label": "vulnerable", "cwes": ["CWE-327"], "batch": 1}
const crypto = require("crypto");

const KEY = process.env.NOTES_KEY;

function encryptNote(text) {
  const cipher = crypto.createCipher("aes-256-cbc", KEY);
  let out = cipher.update(text, "utf8", "hex");
  out += cipher.final("hex");
  return out;
}

function decryptNote(hex) {
  const decipher = crypto.createDecipher("aes-256-cbc", KEY);
  let out = decipher.update(hex, "hex", "utf8");
  out += decipher.final("utf8");
  return out;
}

module.exports = { encryptNote, decryptNote };
