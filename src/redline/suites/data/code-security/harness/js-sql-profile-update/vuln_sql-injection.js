const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const ALLOWED = ["displayName", "bio", "city"];

app.patch("/me", (req, res) => {
  const id = req.session.userId;
  if (!id) return res.status(401).json({ error: "not logged in" });
  const parts = [];
  for (const field of ALLOWED) {
    if (req.body[field] !== undefined) parts.push(`${field} = '${req.body[field]}'`);
  }
  try {
    if (parts.length) db.prepare(`UPDATE users SET ${parts.join(", ")} WHERE id = ${id}`).run();
    res.json(db.prepare(`SELECT id, displayName, bio, city FROM users WHERE id = ${id}`).get());
  } catch (e) {
    res.status(400).json({ error: "could not update profile" });
  }
});
