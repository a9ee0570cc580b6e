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

function isPrivate(ip) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (mapped) ip = mapped[1];
  if (hex) ip = [hex[1], hex[2]].map((x) => parseInt(x, 16)).flatMap((x) => [x >> 8, x & 255]).join(".");
  if (net.isIPv6(ip)) return ip === "::1" || ip === "::" || /^f[cde]/i.test(ip);
  const [a, b] = ip.split(".").map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b < 128);
}

app.post("/profile/avatar-url", async (req, res) => {
  let target;
  try {
    target = new URL(req.body.url);
  } catch (e) {
    return res.status(400).json({ error: "invalid url" });
  }
  if (!["http:", "https:"].includes(target.protocol)) return res.status(400).json({ error: "invalid url" });
  try {
    const host = target.hostname.replace(/^\[|\]$/g, "");
    const { address } = net.isIP(host) ? { address: host } : await dns.lookup(host);
    if (isPrivate(address)) return res.status(400).json({ error: "address not allowed" });
    const response = await fetch(target, { signal: AbortSignal.timeout(10000) });
    const type = (response.headers.get("content-type") || "").split(";")[0].trim();
    if (!response.ok || !["image/png", "image/jpeg", "image/gif"].includes(type)) {
      return res.status(400).json({ error: "not an image" });
    }
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > 1024 * 1024) return res.status(400).json({ error: "too big" });
    fs.writeFileSync(path.join(AVATAR_DIR, req.session.userId + ".img"), data);
    res.json({ ok: true, bytes: data.length });
  } catch (e) {
    res.status(400).json({ error: "could not fetch" });
  }
});
