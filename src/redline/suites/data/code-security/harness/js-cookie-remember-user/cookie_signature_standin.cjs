"use strict";
// Stand-in for the cookie-signature package (not installed in the sandbox), written for redline's harness, with the
// package's behaviour: sign(val, secret) = val + "." + base64 HMAC-SHA256 without padding; unsign returns val
// when the signature matches (compared in constant time), else false.
const crypto = require("crypto");
function sign(val, secret) {
  if (typeof val !== "string") throw new TypeError("Cookie value must be provided as a string.");
  if (secret == null) throw new TypeError("Secret key must be provided.");
  return val + "." + crypto.createHmac("sha256", secret).update(val).digest("base64").replace(/=+$/, "");
}
function unsign(input, secret) {
  if (typeof input !== "string") throw new TypeError("Signed cookie string must be provided.");
  if (secret == null) throw new TypeError("Secret key must be provided.");
  const tentative = input.slice(0, input.lastIndexOf("."));
  const expected = Buffer.from(sign(tentative, secret));
  const given = Buffer.from(input);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? tentative : false;
}
module.exports = { sign, unsign };
