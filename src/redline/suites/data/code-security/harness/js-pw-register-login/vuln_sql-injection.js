const express = require("express");
const Database = require("better-sqlite3");
const bcrypt = require("bcrypt");

const app = express();
app.use(express.json());
const db = new Database(process.env.DB_PATH);

app.post("/register", async (req, res) => {
  const { username, password } = req.body;
  const existing = db.prepare(`SELECT username FROM users WHERE username = '${username}'`).get();
  if (existing) return res.status(409).json({ ok: false });
  const passwordHash = await bcrypt.hash(password, 10);
  db.prepare("INSERT INTO users (username, password_hash) VALUES (?, ?)").run(username, passwordHash);
  res.status(201).json({ ok: true });
});

app.post("/login", async (req, res) => {
  const { username, password } = req.body;
  const user = db.prepare(`SELECT * FROM users WHERE username = '${username}'`).get();
  if (!user || !(await bcrypt.compare(password, user.password_hash))) {
    return res.status(401).json({ ok: false });
  }
  res.status(200).json({ ok: true });
});

module.exports = app;
