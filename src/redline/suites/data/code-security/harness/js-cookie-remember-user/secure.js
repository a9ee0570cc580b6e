const crypto = require("crypto");

function key() {
  const secret = process.env.COOKIE_SECRET;
  if (!secret) throw new Error("COOKIE_SECRET is not set");
  return secret;
}

function sign(payload) {
  return crypto.createHmac("sha256", key()).update(payload).digest("base64url");
}

function makeRememberCookie(userId) {
  if (!Number.isInteger(userId) || userId <= 0) throw new Error("bad user id");
  const payload = String(userId);
  return `${payload}.${sign(payload)}`;
}

function userFromCookie(value) {
  if (typeof value !== "string") return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(payload));
  if (!/^[1-9]\d*$/.test(payload)) return null;
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return Number(payload);
}

module.exports = { makeRememberCookie, userFromCookie };
