// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const crypto = require("crypto");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
db.exec("CREATE TABLE IF NOT EXISTS users (username TEXT PRIMARY KEY, password_hash TEXT)");
const app = express();
app.use(express.json());
module.exports = app;

const KEYLEN = 64;
function hash(password) {
  const salt = crypto.randomBytes(16);
  return "scrypt$" + salt.toString("hex") + "$" + crypto.scryptSync(password, salt, KEYLEN).toString("hex");
}
function verify(password, stored) {
  const parts = typeof stored === "string" ? stored.split("$") : [];
  if (parts.length !== 3 || parts[0] !== "scrypt") return false;
  const expected = Buffer.from(parts[2], "hex");
  if (expected.length !== KEYLEN) return false;
  return crypto.timingSafeEqual(crypto.scryptSync(password, Buffer.from(parts[1], "hex"), KEYLEN), expected);
}
const DUMMY = hash(crypto.randomBytes(16).toString("hex"));

function creds(body) {
  if (!body || typeof body.username !== "string" || typeof body.password !== "string") return null;
  if (body.username.length === 0 || body.username.length > 200 || body.password.length === 0 || body.password.length > 1024) return null;
  return { username: body.username, password: body.password };
}

app.post("/register", (req, res) => {
  const c = creds(req.body);
  if (!c) return res.status(400).json({ ok: false });
  try {
    db.prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)").run(c.username, hash(c.password));
  } catch (e) {
    if (e && String(e.code).startsWith("SQLITE_CONSTRAINT")) return res.status(409).json({ ok: false });
    return res.status(500).json({ ok: false });
  }
  res.status(201).json({ ok: true });
});

app.post("/login", (req, res) => {
  const c = creds(req.body);
  if (!c) return res.status(401).json({ ok: false });
  const row = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(c.username);
  const ok = verify(c.password, row ? row.password_hash : DUMMY) && Boolean(row);
  if (!ok) return res.status(401).json({ ok: false });
  res.status(200).json({ ok: true });
});
