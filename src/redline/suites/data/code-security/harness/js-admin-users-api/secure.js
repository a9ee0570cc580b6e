const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

function requireAdmin(req, res, next) {
  const user = req.session && req.session.user;
  if (!user) return res.status(401).json({ error: "login required" });
  if (user.role !== "admin") return res.status(403).json({ error: "admins only" });
  next();
}

app.get("/admin/users", requireAdmin, (req, res) => {
  res.json(db.prepare("SELECT id, email, role FROM users ORDER BY id").all());
});

app.delete("/admin/users/:id", requireAdmin, (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id)) return res.status(400).json({ error: "bad id" });
  const info = db.prepare("DELETE FROM users WHERE id = ?").run(id);
  res.json({ deleted: info.changes });
});
