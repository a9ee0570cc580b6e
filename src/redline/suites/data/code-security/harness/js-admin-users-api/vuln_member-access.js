const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

function isLoggedIn(req, res, next) {
  if (!req.session.user) return res.status(401).json({ error: "Not authenticated" });
  next();
}

app.get("/admin/users", isLoggedIn, (req, res) => {
  res.json(db.prepare("SELECT id, email, role FROM users").all());
});

app.delete("/admin/users/:id", isLoggedIn, (req, res) => {
  const { changes } = db.prepare("DELETE FROM users WHERE id = ?").run(Number(req.params.id));
  res.json({ deleted: changes });
});
