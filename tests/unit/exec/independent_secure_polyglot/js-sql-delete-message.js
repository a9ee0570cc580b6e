// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" } }));
module.exports = app;

app.post("/messages/:id/delete", (req, res) => {
  const userId = req.session && req.session.userId;
  if (userId === undefined || userId === null) return res.status(401).json({ error: "not logged in" });
  if (!/^\d+$/.test(req.params.id)) return res.status(400).json({ error: "bad id" });
  const info = db.prepare("DELETE FROM messages WHERE id = ? AND author_id = ?").run(Number(req.params.id), userId);
  res.json({ deleted: info.changes });
});
