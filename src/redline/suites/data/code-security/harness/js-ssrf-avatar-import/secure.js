const express = require("express");
const session = require("express-session");
const fs = require("fs");
const path = require("path");
const dns = require("dns").promises;
const net = require("net");

const AVATAR_DIR = process.env.AVATAR_DIR;
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const MAX_BYTES = 1024 * 1024;
const TYPES = new Set(["image/png", "image/jpeg", "image/gif"]);

function isPublic(ip) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (mapped) ip = mapped[1];
  if (hex) ip = [hex[1], hex[2]].map((x) => parseInt(x, 16)).flatMap((x) => [x >> 8, x & 255]).join(".");
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split(".").map(Number);
    return !(a === 0 || a === 10 || a === 127 || a >= 224 || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b < 128));
  }
  const v6 = ip.toLowerCase();
  return !(v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || /^ff/.test(v6));
}

class Refused extends Error {}

async function publicUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch (err) {
    throw new Refused("not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Refused("only http and https");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addrs;
  try {
    addrs = net.isIP(host) ? [{ address: host }] : await dns.lookup(host, { all: true });
  } catch (err) {
    throw new Refused("host not found");
  }
  if (!addrs.length || !addrs.every((a) => isPublic(a.address))) throw new Refused("address not allowed");
  return url;
}

// follows at most 3 redirects, checking every hop's address before it is requested
async function download(raw) {
  let url = await publicUrl(raw);
  for (let hop = 0; hop < 4; hop++) {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10000) });
    if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      url = await publicUrl(new URL(response.headers.get("location"), url));
      continue;
    }
    if (!response.ok) throw new Refused(`status ${response.status}`);
    const type = (response.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
    if (!TYPES.has(type)) throw new Refused("not an image");
    if (Number(response.headers.get("content-length") || 0) > MAX_BYTES) throw new Refused("too big");
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > MAX_BYTES) throw new Refused("too big");
    return data;
  }
  throw new Refused("too many redirects");
}

app.post("/profile/avatar-url", async (req, res) => {
  const userId = req.session && req.session.userId;
  if (!Number.isInteger(userId)) return res.status(401).json({ error: "login required" });
  let data;
  try {
    data = await download(req.body && req.body.url);
  } catch (err) {
    return res.status(400).json({ error: err instanceof Refused ? err.message : "could not fetch the picture" });
  }
  await fs.promises.writeFile(path.join(AVATAR_DIR, `${userId}.img`), data);
  res.json({ ok: true, bytes: data.length });
});
