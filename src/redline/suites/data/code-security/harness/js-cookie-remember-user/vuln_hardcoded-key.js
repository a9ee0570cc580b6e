const crypto = require("crypto");

const SECRET = "remember-me-7f3a9c1e-signing-key";

function makeRememberCookie(userId) {
  const payload = Buffer.from(JSON.stringify({ uid: userId })).toString("base64url");
  const sig = crypto.createHmac("sha256", SECRET).update(payload).digest("base64url");
  return payload + "." + sig;
}

function userFromCookie(value) {
  if (typeof value !== "string") return null;
  const [payload, sig] = value.split(".");
  if (!payload || !sig) return null;
  const expected = crypto.createHmac("sha256", SECRET).update(payload).digest("base64url");
  if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return null;
  try {
    const { uid } = JSON.parse(Buffer.from(payload, "base64url").toString());
    return Number.isInteger(uid) ? uid : null;
  } catch (e) {
    return null;
  }
}

module.exports = { makeRememberCookie, userFromCookie };
