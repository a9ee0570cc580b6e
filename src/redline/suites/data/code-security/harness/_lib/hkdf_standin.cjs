"use strict";
// Fast stand-ins for Node's slow password-hash primitives (crypto.scrypt / scryptSync / pbkdf2 / pbkdf2Sync), the
// Node counterpart of hkdf.py, required by a password harness's driver before the candidate (``hkdf.node_prelude``).
// No harness judges the digest bytes: it judges what the candidate chose (algorithm, cost, salt, whether the
// password can be read back), and every hash a sample makes and checks goes through these same stand-ins. So each
// keeps the real function's argument checks and errors (it calls the real one at the cheapest cost to get them;
// parameters it cannot vouch for go to the real function unchanged), its output length, and is deterministic in
// every input (password, salt, cost, length). Only the time changes. The digest is a keyed HMAC-BLAKE2b, never a
// plain fast digest of the password that a harness looks for.
const crypto = require("crypto");

const KEY = Buffer.from("redline-kdf-stand-in");
const SCRYPT_DEFAULT_MAXMEM = 32 * 1024 * 1024;  // Node's default maxmem
const real = { scrypt: crypto.scrypt, scryptSync: crypto.scryptSync, pbkdf2: crypto.pbkdf2,
  pbkdf2Sync: crypto.pbkdf2Sync };

function bytes(v) {
  if (typeof v === "string") return Buffer.from(v, "utf8");
  if (Buffer.isBuffer(v)) return v;
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer)) {
    return Buffer.from(v);
  }
  return null;
}

function derive(tag, params, salt, password, length) {
  const head = Buffer.concat([Buffer.from(tag + "|" + JSON.stringify(params) + "|"), Buffer.alloc(4), salt]);
  head.writeUInt32BE(salt.length, head.length - salt.length - 4);
  const out = [];
  let have = 0;
  for (let counter = 0; have < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = crypto.createHmac("blake2b512", KEY).update(c).update(head).update(password).digest();
    out.push(block);
    have += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

const isInt = (v) => typeof v === "number" && Number.isSafeInteger(v);

// The (N, r, p, maxmem) of a scrypt options object when every check Node and OpenSSL make is one this file
// repeats exactly; null sends the call to the real function.
function scryptParams(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== "object") return null;
  const names = [["N", "cost"], ["r", "blockSize"], ["p", "parallelization"]];
  const got = [];
  for (const [a, b] of names) {
    if (options[a] !== undefined && options[b] !== undefined) return null;  // Node's own error
    got.push(options[a] !== undefined ? options[a] : options[b]);
  }
  const [N = 16384, r = 8, p = 1] = got.map((v) => (v === undefined ? undefined : v));
  const maxmem = options.maxmem === undefined ? SCRYPT_DEFAULT_MAXMEM : options.maxmem;
  if (![N, r, p, maxmem].every(isInt)) return null;
  if (N < 2 || N > 2 ** 30 || (N & (N - 1)) !== 0 || r < 1 || p < 1 || r > 2 ** 20 || p > 2 ** 20) return null;
  if (r * p >= 2 ** 30 || (16 * r <= 63 && N >= 2 ** (16 * r))) return null;
  if (maxmem < 0 || 128 * r * p + 128 * r * (N + 2) > maxmem) return null;
  return [N, r, p, maxmem];
}

function scryptSync(password, salt, keylen, options) {
  const params = scryptParams(options);
  if (params === null) return real.scryptSync(password, salt, keylen, options);
  const cheap = real.scryptSync(password, salt, keylen, { N: 2, r: 1, p: 1 });  // type and range checks
  if (bytes(password) === null || bytes(salt) === null) return real.scryptSync(password, salt, keylen, options);
  return derive("scrypt", params.slice(0, 3), bytes(salt), bytes(password), cheap.length);
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === "function") [options, callback] = [undefined, options];
  const params = scryptParams(options);
  if (params === null || typeof callback !== "function") {
    return options === undefined ? real.scrypt(password, salt, keylen, callback)
      : real.scrypt(password, salt, keylen, options, callback);
  }
  const key = scryptSync(password, salt, keylen, options);  // throws as scrypt would, at once
  setImmediate(() => callback(null, key));
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  if (!isInt(iterations) || iterations < 1 || iterations > 2 ** 31 - 1) {
    return real.pbkdf2Sync(password, salt, iterations, keylen, digest);
  }
  const cheap = real.pbkdf2Sync(password, salt, 1, keylen, digest);  // every other check, the output length
  if (bytes(password) === null || bytes(salt) === null) {
    return real.pbkdf2Sync(password, salt, iterations, keylen, digest);
  }
  return derive("pbkdf2-" + String(digest).toLowerCase(), [iterations], bytes(salt), bytes(password), cheap.length);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (!isInt(iterations) || iterations < 1 || iterations > 2 ** 31 - 1 || typeof callback !== "function") {
    return real.pbkdf2(password, salt, iterations, keylen, digest, callback);
  }
  const key = pbkdf2Sync(password, salt, iterations, keylen, digest);
  setImmediate(() => callback(null, key));
}

Object.assign(crypto, { scrypt, scryptSync, pbkdf2, pbkdf2Sync });
