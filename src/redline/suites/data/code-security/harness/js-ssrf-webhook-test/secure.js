const express = require("express");
const dns = require("dns").promises;
const net = require("net");

const app = express();
app.use(express.json());
module.exports = app;

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

/** The webhook URL, if it is http(s) and every address its host resolves to is public. */
async function checkedUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch (err) {
    throw new Refused("not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Refused("only http and https");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addrs = net.isIP(host) ? [{ address: host }] : await dns.lookup(host, { all: true });
  if (!addrs.length || !addrs.every((a) => isPublic(a.address))) throw new Refused("address not allowed");
  return url;
}

// POST /webhooks/test {url} -> POST {event: "ping"} to url; answer {status} or 502 {error}
app.post("/webhooks/test", async (req, res) => {
  let url;
  try {
    url = await checkedUrl(req.body && req.body.url);
  } catch (err) {
    if (err instanceof Refused) return res.status(400).json({ error: err.message });
    return res.status(502).json({ error: "webhook could not be reached" });
  }
  try {
    // redirects are not followed: a public webhook could send the ping on to an internal address
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: "ping" }),
      redirect: "manual",
      signal: AbortSignal.timeout(5000),
    });
    res.json({ status: response.status });
  } catch (err) {
    res.status(502).json({ error: "webhook could not be reached" });
  }
});
