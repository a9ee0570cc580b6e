// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");

const app = express();
module.exports = app;

const dns = require("dns").promises;
const net = require("net");

function ipv4Blocked(ip) {
  const p = ip.split(".").map(Number);
  const [a, b] = p;
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) || a >= 224;
}

function ipBlocked(ip) {
  if (net.isIPv4(ip)) return ipv4Blocked(ip);
  if (!net.isIPv6(ip)) return true;
  const low = ip.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(low) || /^::(\d+\.\d+\.\d+\.\d+)$/.exec(low);
  if (mapped) return ipv4Blocked(mapped[1]);
  if (/^::ffff:/.test(low) || low.startsWith("::")) return true;
  return low === "::1" || low.startsWith("fc") || low.startsWith("fd") || /^fe[89ab]/.test(low) ||
    low.startsWith("ff") || low.startsWith("64:ff9b") || low.startsWith("2001:db8") || low.startsWith("100::");
}

// Only public http(s) destinations: every address the host resolves to must be public.
async function checkPublicUrl(raw) {
  let u;
  try { u = new URL(raw); } catch (e) { throw new Error("bad url"); }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("bad scheme");
  if (u.username || u.password) throw new Error("credentials not allowed");
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const addrs = net.isIP(host) ? [{ address: host }] : await dns.lookup(host, { all: true, verbatim: true });
  if (addrs.length === 0 || addrs.some((a) => ipBlocked(a.address))) throw new Error("destination not allowed");
  return u;
}

// Follows at most a few redirects by hand so every hop is checked again.
async function safeFetch(raw, init, maxRedirects) {
  let url = raw;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const u = await checkPublicUrl(url);
    const resp = await fetch(u, Object.assign({}, init, { redirect: "manual" }));
    if (resp.status >= 300 && resp.status < 400 && resp.headers.get("location")) {
      url = new URL(resp.headers.get("location"), u).toString();
      continue;
    }
    return resp;
  }
  throw new Error("too many redirects");
}

async function readLimited(resp, limit) {
  if (!resp.body) return "";
  const reader = resp.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    total += value.length;
    if (total >= limit) { try { await reader.cancel(); } catch (e) { /* ignore */ } break; }
  }
  return Buffer.concat(chunks).toString("utf8");
}

app.get("/preview", async (req, res) => {
  const url = req.query.url;
  if (typeof url !== "string") return res.status(400).json({ error: "url required" });
  let html;
  try {
    const resp = await safeFetch(url, { signal: AbortSignal.timeout(5000) }, 3);
    html = await readLimited(resp, 1024 * 1024);
  } catch (e) {
    return res.status(400).json({ error: "could not fetch" });
  }
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  res.json({ title: m ? m[1].trim() : null });
});
