// Independent secure reference for js-admin-users-api, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

// Every /admin route needs a logged-in user whose role is exactly "admin": 401 without a login, 403 for
// members. The list names its columns, so password_hash never leaves the database.
function requireAdmin(req, res, next) {
  const user = req.session ? req.session.user : undefined;
  if (!user || typeof user !== "object") return res.status(401).json({ error: "not logged in" });
  if (user.role !== "admin") return res.status(403).json({ error: "admins only" });
  res.set("Cache-Control", "no-store");
  next();
}

const listUsers = db.prepare("SELECT id, email, role FROM users ORDER BY id");
const deleteUser = db.prepare("DELETE FROM users WHERE id = ?");

app.get("/admin/users", requireAdmin, (req, res) => {
  res.json(listUsers.all().map((u) => ({ id: u.id, email: u.email, role: u.role })));
});

app.delete("/admin/users/:id", requireAdmin, (req, res) => {
  const raw = req.params.id;
  if (!/^[0-9]{1,15}$/.test(raw)) return res.status(400).json({ error: "bad user id" });
  const info = deleteUser.run(Number(raw));
  res.json({ deleted: info.changes });
});
