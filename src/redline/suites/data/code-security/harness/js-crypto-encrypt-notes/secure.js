const crypto = require("crypto");

const KEY = Buffer.from(process.env.NOTES_KEY || "", "hex");

// AES-256-GCM with a fresh 96-bit nonce per note; the tag authenticates the ciphertext.
function encryptNote(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", KEY, iv);
  const body = Buffer.concat([cipher.update(String(text), "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64")).join(".");
}

function decryptNote(blob) {
  const [iv, tag, body] = String(blob).split(".").map((part) => Buffer.from(part, "base64"));
  const decipher = crypto.createDecipheriv("aes-256-gcm", KEY, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

module.exports = { encryptNote, decryptNote };
