const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

app.get("/orders/:id", (req, res) => {
  if (!req.session.customerId) return res.status(401).json({ error: "not logged in" });
  const order = db.prepare("SELECT id, item, total, address FROM orders WHERE id = ?").get(req.params.id);
  if (!order) return res.status(404).json({ error: "not found" });
  res.json(order);
});
