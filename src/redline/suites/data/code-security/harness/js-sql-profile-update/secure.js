const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const EDITABLE = ["displayName", "bio", "city"];

app.patch("/me", (req, res) => {
  const userId = req.session && req.session.userId;
  if (!userId) return res.status(401).json({ error: "login required" });
  const body = req.body && typeof req.body === "object" ? req.body : {};
  const fields = EDITABLE.filter((f) => Object.prototype.hasOwnProperty.call(body, f));
  for (const f of fields) {
    if (typeof body[f] !== "string") return res.status(400).json({ error: `${f} must be text` });
  }
  if (fields.length) {
    const sets = fields.map((f) => `${f} = @${f}`).join(", ");
    const params = { id: userId };
    for (const f of fields) params[f] = body[f];
    db.prepare(`UPDATE users SET ${sets} WHERE id = @id`).run(params);
  }
  const row = db.prepare("SELECT id, displayName, bio, city FROM users WHERE id = ?").get(userId);
  if (!row) return res.status(404).json({ error: "no such user" });
  res.json(row);
});
