const express = require("express");
const dns = require("dns").promises;
const net = require("net");

const app = express();
module.exports = app;

function isPrivate(ip) {
  if (net.isIPv6(ip)) return ip === "::1" || ip === "::" || /^f[cd]|^fe[89ab]/i.test(ip);
  const [a, b] = ip.split(".").map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168);
}

// GET /preview?url=... -> {title} of the fetched page, 400 when it cannot be fetched
app.get("/preview", async (req, res) => {
  try {
    const url = new URL(req.query.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("bad scheme");
    const addrs = await dns.lookup(url.hostname.replace(/^\[|\]$/g, ""), { all: true });
    if (addrs.some((a) => isPrivate(a.address))) return res.status(400).json({ error: "address not allowed" });
    // the check covers the URL typed in, but fetch follows redirects on its own
    const response = await fetch(url);
    const html = await response.text();
    const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
    res.json({ title: m ? m[1].trim() : null });
  } catch (err) {
    res.status(400).json({ error: "could not fetch the page" });
  }
});
