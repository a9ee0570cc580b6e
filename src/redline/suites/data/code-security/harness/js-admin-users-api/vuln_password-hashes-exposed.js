const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const adminOnly = (req, res, next) =>
  req.session.user && req.session.user.role === "admin" ? next() : res.status(403).json({ error: "Forbidden" });

app.get("/admin/users", adminOnly, (req, res) => {
  res.json(db.prepare("SELECT * FROM users").all());
});

app.delete("/admin/users/:id", adminOnly, (req, res) => {
  const info = db.prepare("DELETE FROM users WHERE id = ?").run(req.params.id);
  res.json({ deleted: info.changes });
});
