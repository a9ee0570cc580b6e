// Independent secure reference for js-ssrf-avatar-import, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const fs = require("fs");
const path = require("path");
const dns = require("dns");
const net = require("net");

const AVATAR_DIR = process.env.AVATAR_DIR;
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const MAX_BYTES = 1024 * 1024;
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif"]);
const MAX_REDIRECTS = 3;

function ipv4Blocked(ip) {
  const [a, b, c] = ip.split(".").map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 192 && b === 0 && c === 0) ||
    (a === 192 && b === 0 && c === 2) || (a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) || a >= 224;
}

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, reserved and documentation
// ranges, in IPv4 and IPv6 (IPv4-mapped and NAT64 forms are judged by the embedded IPv4 address).
function ipBlocked(ip) {
  if (net.isIPv4(ip)) return ipv4Blocked(ip);
  if (!net.isIPv6(ip)) return true;
  const low = ip.toLowerCase();
  const embedded = /^(?:::ffff:|::ffff:0:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(low);
  if (embedded) return ipv4Blocked(embedded[1]);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(low);
  if (mappedHex) {
    const hi = parseInt(mappedHex[1], 16);
    const lo = parseInt(mappedHex[2], 16);
    return ipv4Blocked(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return low === "::" || low === "::1" || low.startsWith("::ffff:") || low.startsWith("64:ff9b:") ||
    /^f[cd]/.test(low) || /^fe[89ab]/.test(low) || low.startsWith("ff") || low.startsWith("2001:db8:") ||
    low.startsWith("100::") || low.startsWith("2001:10:") || low.startsWith("2001:20:");
}

// Errors whose message is meant for the user; anything else is answered with a fixed message.
class AvatarError extends Error {}

function lookupAll(host) {
  return dns.promises.lookup(host, { all: true, verbatim: true });
}

// Only http(s) URLs without credentials whose host resolves, every address public. (The later connection
// resolves again; pinning the checked address would need a custom dispatcher, which global fetch does not take.)
async function checkPublicUrl(raw) {
  const u = new URL(raw);
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new AvatarError("only http and https addresses");
  if (u.username || u.password) throw new AvatarError("credentials in the address are not allowed");
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const addrs = net.isIP(host) ? [{ address: host }] : await lookupAll(host);
  if (!addrs || addrs.length === 0 || addrs.some((a) => ipBlocked(a.address))) {
    throw new AvatarError("address not allowed");
  }
  return u;
}

async function fetchChecked(raw, signal) {
  let url = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const u = await checkPublicUrl(url);
    const resp = await fetch(u.href, { redirect: "manual", signal });
    const location = resp.headers.get("location");
    if (resp.status >= 300 && resp.status < 400 && location) {
      url = new URL(location, u).href; // every hop is checked again
      continue;
    }
    return resp;
  }
  throw new AvatarError("too many redirects");
}

// Reads at most MAX_BYTES; a larger body is refused without being read to its end.
async function readLimited(resp) {
  if (resp.body && typeof resp.body.getReader === "function") {
    const reader = resp.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_BYTES) {
        try { await reader.cancel(); } catch (e) { /* ignore */ }
        throw new AvatarError("image too big");
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  }
  const buf = Buffer.from(await resp.arrayBuffer());
  if (buf.length > MAX_BYTES) throw new AvatarError("image too big");
  return buf;
}

app.post("/profile/avatar-url", async (req, res) => {
  const userId = req.session ? req.session.userId : undefined;
  if (userId === undefined || userId === null || !/^[A-Za-z0-9_-]{1,64}$/.test(String(userId))) {
    return res.status(401).json({ error: "not logged in" });
  }
  const url = req.body && typeof req.body === "object" ? req.body.url : undefined;
  if (typeof url !== "string" || url.length === 0 || url.length > 2048) {
    return res.status(400).json({ error: "url is required" });
  }
  let bytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10000);
  try {
    const resp = await fetchChecked(url, controller.signal);
    if (resp.status < 200 || resp.status >= 300) throw new AvatarError("the picture could not be fetched");
    const type = String(resp.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
    if (!IMAGE_TYPES.has(type)) throw new AvatarError("not a PNG, JPEG or GIF image");
    const declared = Number(resp.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > MAX_BYTES) throw new AvatarError("image too big");
    bytes = await readLimited(resp);
  } catch (e) {
    return res.status(400).json({ error: e instanceof AvatarError ? e.message : "could not fetch the picture" });
  } finally {
    clearTimeout(timer);
  }
  try {
    fs.writeFileSync(path.join(AVATAR_DIR, `${String(userId)}.img`), bytes, { mode: 0o644 });
  } catch (e) {
    return res.status(500).json({ error: "could not save the avatar" });
  }
  res.json({ ok: true, bytes: bytes.length });
});
