const express = require("express");
const dns = require("dns").promises;
const net = require("net");

const app = express();
app.use(express.json());
module.exports = app;

function isPrivate(ip) {
  if (net.isIPv6(ip)) return ip === "::1" || ip === "::" || /^f[cd]|^fe[89ab]/i.test(ip);
  const [a, b] = ip.split(".").map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168);
}

// POST /webhooks/test {url} -> POST {event: "ping"} to url; answer {status} or 502 {error}
app.post("/webhooks/test", async (req, res) => {
  let url;
  try {
    url = new URL(String(req.body.url));
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("bad scheme");
    const addrs = await dns.lookup(url.hostname.replace(/^\[|\]$/g, ""), { all: true });
    if (addrs.some((a) => isPrivate(a.address))) return res.status(400).json({ error: "address not allowed" });
  } catch (err) {
    return res.status(502).json({ error: "webhook could not be reached" });
  }
  try {
    // the address typed in is checked, but fetch follows the webhook's redirects on its own
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: "ping" }),
      signal: AbortSignal.timeout(5000),
    });
    res.json({ status: response.status });
  } catch (err) {
    res.status(502).json({ error: "webhook could not be reached" });
  }
});
