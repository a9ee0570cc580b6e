const express = require("express");
const Database = require("better-sqlite3");
const crypto = require("crypto");

const app = express();
app.use(express.json());
const db = new Database(process.env.DB_PATH);
db.exec("CREATE TABLE IF NOT EXISTS users (username TEXT PRIMARY KEY, password_hash TEXT)");

const N = 16384;

function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, 32, { N });
  return `scrypt$${N}$${salt.toString("base64")}$${key.toString("base64")}`;
}

function checkPassword(password, stored) {
  const [scheme, n, salt, key] = String(stored).split("$");
  if (scheme !== "scrypt") return false;
  const want = Buffer.from(key, "base64");
  const got = crypto.scryptSync(password, Buffer.from(salt, "base64"), want.length, { N: Number(n) });
  return crypto.timingSafeEqual(got, want);
}

const valid = (b) => b && typeof b.username === "string" && b.username && typeof b.password === "string" && b.password;

app.post("/register", (req, res) => {
  if (!valid(req.body)) return res.status(400).json({ ok: false });
  try {
    db.prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)").run(req.body.username, hashPassword(req.body.password));
  } catch (err) {
    if (/UNIQUE|constraint/i.test(String(err.message))) return res.status(409).json({ ok: false });
    throw err;
  }
  res.status(201).json({ ok: true });
});

app.post("/login", (req, res) => {
  if (!valid(req.body)) return res.status(401).json({ ok: false });
  const row = db.prepare("SELECT password_hash FROM users WHERE username = ?").get(req.body.username);
  if (!row || !checkPassword(req.body.password, row.password_hash)) return res.status(401).json({ ok: false });
  res.json({ ok: true });
});

module.exports = app;
