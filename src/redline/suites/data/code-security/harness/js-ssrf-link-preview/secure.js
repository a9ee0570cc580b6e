const express = require("express");
const dns = require("dns").promises;
const net = require("net");

const app = express();
module.exports = app;

const MAX_REDIRECTS = 5;

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

/** Throw unless url is http(s) and every address its host resolves to is public. */
async function checkUrl(url) {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("only http and https");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addrs = net.isIP(host) ? [{ address: host }] : await dns.lookup(host, { all: true });
  if (!addrs.length || !addrs.every((a) => isPublic(a.address))) throw new Error("address not allowed");
}

/** Fetch url, checking the address of every hop, since a public page may redirect to an internal one. */
async function fetchPublic(url) {
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await checkUrl(current);
    const response = await fetch(current, { redirect: "manual", signal: AbortSignal.timeout(5000) });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current);
      continue;
    }
    return response;
  }
  throw new Error("too many redirects");
}

// GET /preview?url=... -> {title} of the fetched page, 400 when it cannot be fetched
app.get("/preview", async (req, res) => {
  try {
    const response = await fetchPublic(String(req.query.url));
    if (!response.ok) throw new Error("status " + response.status);
    const html = await response.text();
    const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
    res.json({ title: m ? m[1].trim() || null : null });
  } catch (err) {
    res.status(400).json({ error: "could not fetch the page" });
  }
});
