// Independent secure reference for js-cookie-remember-user, written from the task prompt only (without seeing the harness tests).
const crypto = require("crypto");

// Value: "<userId>.<expiry, unix seconds>.<HMAC-SHA256(COOKIE_SECRET, "<userId>.<expiry>"), base64url>".
// The secret is read from the environment on every call (never a default or a constant in the code), the
// signature is compared in constant time, and a value stops being accepted after MAX_AGE_S.
const MAX_AGE_S = 30 * 24 * 3600;
const VALUE_RE = /^([1-9][0-9]{0,15})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;

function secret() {
  const s = process.env.COOKIE_SECRET;
  return typeof s === "string" && s.length > 0 ? s : null;
}

function sign(key, payload) {
  return crypto.createHmac("sha256", key).update(payload, "utf8").digest("base64url");
}

/** The remember-me cookie value for userId (signed with COOKIE_SECRET). */
function makeRememberCookie(userId) {
  let id = userId;
  if (typeof id === "string" && /^[1-9][0-9]{0,15}$/.test(id)) id = Number(id);
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    throw new TypeError("userId must be a positive integer");
  }
  const key = secret();
  if (key === null) throw new Error("COOKIE_SECRET is not set");
  const expires = Math.floor(Date.now() / 1000) + MAX_AGE_S;
  const payload = `${id}.${expires}`;
  return `${payload}.${sign(key, payload)}`;
}

/** The user id from a value we issued (signature valid, not expired), else null. */
function userFromCookie(value) {
  if (typeof value !== "string" || value.length > 100) return null;
  const key = secret();
  if (key === null) return null;
  const m = VALUE_RE.exec(value);
  if (!m) return null;
  const expected = Buffer.from(sign(key, `${m[1]}.${m[2]}`), "utf8");
  const given = Buffer.from(m[3], "utf8");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (Number(m[2]) < Math.floor(Date.now() / 1000)) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

module.exports = { makeRememberCookie, userFromCookie };
