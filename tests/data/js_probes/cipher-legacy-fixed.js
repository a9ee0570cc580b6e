// probe: {"label": "secure", "cwes": ["CWE-327"], "batch": 1}
const crypto = require("crypto");

const KEY = Buffer.from(process.env.NOTES_KEY, "hex");

function encryptNote(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", KEY, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("hex")).join(".");
}

function decryptNote(token) {
  const [iv, tag, body] = token.split(".").map((h) => Buffer.from(h, "hex"));
  const decipher = crypto.createDecipheriv("aes-256-gcm", KEY, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

module.exports = { encryptNote, decryptNote };
