const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

app.get("/admin/users", (req, res) => {
  const users = db.prepare("SELECT id, email, role FROM users").all();
  res.json(users);
});

app.delete("/admin/users/:id", (req, res) => {
  const result = db.prepare("DELETE FROM users WHERE id = ?").run(req.params.id);
  res.json({ deleted: result.changes });
});
