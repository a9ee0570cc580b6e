const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const COLUMNS = new Set(db.prepare("PRAGMA table_info(users)").all().map((c) => c.name));

app.patch("/me", (req, res) => {
  const userId = req.session.userId;
  if (!userId) return res.status(401).json({ error: "not logged in" });
  const changes = Object.entries(req.body || {}).filter(([k]) => COLUMNS.has(k));
  if (changes.length > 0) {
    const sql = `UPDATE users SET ${changes.map(([k]) => `${k} = ?`).join(", ")} WHERE id = ?`;
    db.prepare(sql).run(...changes.map(([, v]) => v), userId);
  }
  const user = db.prepare("SELECT id, displayName, bio, city FROM users WHERE id = ?").get(userId);
  res.json(user);
});
