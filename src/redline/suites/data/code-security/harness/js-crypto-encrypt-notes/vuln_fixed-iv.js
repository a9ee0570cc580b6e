const crypto = require("crypto");

const KEY = Buffer.from(process.env.NOTES_KEY || "", "hex");
const IV = KEY.subarray(0, 12); // derived once from the key

function encryptNote(text) {
  const cipher = crypto.createCipheriv("aes-256-gcm", KEY, IV);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([cipher.getAuthTag(), body]).toString("base64");
}

function decryptNote(blob) {
  const raw = Buffer.from(blob, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", KEY, IV);
  decipher.setAuthTag(raw.subarray(0, 16));
  return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString("utf8");
}

module.exports = { encryptNote, decryptNote };
