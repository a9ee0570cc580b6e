const crypto = require("crypto");

const KEY = Buffer.from(process.env.NOTES_KEY || "", "hex");

function encryptNote(text) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv("aes-256-ctr", KEY, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return iv.toString("hex") + ":" + body.toString("hex");
}

function decryptNote(blob) {
  const [ivHex, bodyHex] = blob.split(":");
  const decipher = crypto.createDecipheriv("aes-256-ctr", KEY, Buffer.from(ivHex, "hex"));
  return Buffer.concat([decipher.update(Buffer.from(bodyHex, "hex")), decipher.final()]).toString("utf8");
}

module.exports = { encryptNote, decryptNote };
