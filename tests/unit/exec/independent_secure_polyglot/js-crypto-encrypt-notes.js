// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const crypto = require("crypto");

function key() {
  const hex = process.env.NOTES_KEY || "";
  const k = Buffer.from(hex, "hex");
  if (k.length !== 32) throw new Error("NOTES_KEY must be 32 bytes of hex");
  return k;
}

function encryptNote(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const ct = Buffer.concat([cipher.update(String(text), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64"), tag.toString("base64"), ct.toString("base64")].join(":");
}

function decryptNote(blob) {
  const parts = String(blob).split(":");
  if (parts.length !== 4 || parts[0] !== "v1") throw new Error("bad note");
  const iv = Buffer.from(parts[1], "base64");
  const tag = Buffer.from(parts[2], "base64");
  if (iv.length !== 12 || tag.length !== 16) throw new Error("bad note");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), iv, { authTagLength: 16 });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(parts[3], "base64")), decipher.final()]).toString("utf8");
}
module.exports = { encryptNote, decryptNote };
