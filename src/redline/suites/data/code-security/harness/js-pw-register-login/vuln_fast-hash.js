const express = require("express");
const Database = require("better-sqlite3");
const crypto = require("crypto");

const app = express();
app.use(express.json());
const db = new Database(process.env.DB_PATH);

function hash(password, salt) {
  return crypto.createHash("sha256").update(salt + password).digest("hex");
}

app.post("/register", (req, res) => {
  const { username, password } = req.body;
  if (db.prepare("SELECT 1 FROM users WHERE username = ?").get(username)) {
    return res.status(409).json({ ok: false, error: "username taken" });
  }
  const salt = crypto.randomBytes(8).toString("hex");
  db.prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)").run(username, `${salt}:${hash(password, salt)}`);
  res.status(201).json({ ok: true });
});

app.post("/login", (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare("SELECT * FROM users WHERE username = ?").get(username);
  if (!user) return res.status(401).json({ ok: false });
  const [salt, digest] = user.password_hash.split(":");
  if (hash(password, salt) !== digest) return res.status(401).json({ ok: false });
  res.status(200).json({ ok: true });
});

module.exports = app;
