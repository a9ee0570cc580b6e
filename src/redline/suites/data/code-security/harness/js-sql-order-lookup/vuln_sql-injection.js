const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

app.get("/orders/:id", (req, res) => {
  const customerId = req.session.customerId;
  if (!customerId) return res.status(401).json({ error: "not logged in" });
  try {
    const order = db
      .prepare(`SELECT id, item, total, address FROM orders WHERE id = ${req.params.id} AND customer_id = ?`)
      .get(customerId);
    if (!order) return res.status(404).json({ error: "not found" });
    res.json(order);
  } catch (err) {
    res.status(404).json({ error: "not found" });
  }
});
