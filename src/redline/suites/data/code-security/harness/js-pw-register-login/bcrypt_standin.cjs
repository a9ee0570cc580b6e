"use strict";
// Stand-in for bcrypt / bcryptjs, written for redline's JavaScript harnesses (neither is installed in the sandbox).
// Same API (hash/hashSync/compare/compareSync/genSalt/genSaltSync/getRounds, promises or callbacks) and the same
// "$2b$<cost>$<22-char salt><31-char hash>" strings; the digest inside is scrypt, not Blowfish, which changes
// nothing the harness measures (a slow, salted hash with its cost in the string).
const crypto = require("crypto");
const ALPHA = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const enc = (buf, n) => Array.from(buf).map((b) => ALPHA[b & 63]).join("").slice(0, n);
function genSaltSync(rounds) {
  const r = Number(rounds === undefined ? 10 : rounds);
  if (!Number.isInteger(r) || r < 4 || r > 31) throw new Error("Invalid rounds");
  return "$2b$" + String(r).padStart(2, "0") + "$" + enc(crypto.randomBytes(22), 22);
}
function hashSync(data, salt) {
  if (typeof data !== "string" && !Buffer.isBuffer(data)) throw new Error("data must be a string or Buffer and salt must either be a salt string or a number of rounds");
  const s = typeof salt === "number" || salt === undefined ? genSaltSync(salt) : String(salt);
  const m = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]{22})/.exec(s);
  if (!m) throw new Error("Invalid salt. Salt must be in the form of: $Vers$log2(NumRounds)$saltvalue");
  const digest = crypto.scryptSync(Buffer.from(data), m[2] + m[1], 31, { N: 1024 });
  return "$2b$" + m[1] + "$" + m[2] + enc(digest, 31);
}
function compareSync(data, encrypted) {
  if (typeof encrypted !== "string" || encrypted.length !== 60) return false;
  let again;
  try { again = hashSync(data, encrypted.slice(0, 29)); } catch (e) { return false; }
  return crypto.timingSafeEqual(Buffer.from(again.slice(7)), Buffer.from(encrypted.slice(7)));
}
function wrap(fn) {
  return (...args) => {
    const cb = typeof args[args.length - 1] === "function" ? args.pop() : null;
    const p = new Promise((resolve, reject) => setImmediate(() => { try { resolve(fn(...args)); } catch (e) { reject(e); } }));
    if (!cb) return p;
    p.then((v) => cb(null, v), (e) => cb(e));
    return undefined;
  };
}
module.exports = { genSaltSync, hashSync, compareSync, genSalt: wrap(genSaltSync), hash: wrap(hashSync),
  compare: wrap(compareSync), getRounds: (h) => Number(String(h).split("$")[2]) };
