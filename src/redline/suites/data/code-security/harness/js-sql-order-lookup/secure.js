const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const findOrder = db.prepare(
  "SELECT id, item, total, address FROM orders WHERE id = ? AND customer_id = ?",
);

app.get("/orders/:id", (req, res) => {
  const customerId = req.session && req.session.customerId;
  if (customerId === undefined || customerId === null) return res.status(401).json({ error: "login required" });
  const id = Number(req.params.id);
  if (!Number.isInteger(id)) return res.status(404).json({ error: "not found" });
  const order = findOrder.get(id, customerId);
  if (!order) return res.status(404).json({ error: "not found" });
  res.json(order);
});
