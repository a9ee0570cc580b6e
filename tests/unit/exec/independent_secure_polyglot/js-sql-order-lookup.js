// Independent secure reference for js-sql-order-lookup, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

// Only the owner's order is found: the ownership test is part of the query, so another customer's order
// answers the same 404 as an id that does not exist (no enumeration of other customers' order ids).
const findOrder = db.prepare("SELECT id, item, total, address FROM orders WHERE id = ? AND customer_id = ?");

function customerId(req) {
  const v = req.session ? req.session.customerId : undefined;
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  if (typeof v === "string" && /^-?[0-9]{1,15}$/.test(v)) return Number(v);
  return null;
}

app.get("/orders/:id", (req, res) => {
  const customer = customerId(req);
  if (customer === null) return res.status(401).json({ error: "not logged in" });
  const raw = req.params.id;
  if (typeof raw !== "string" || !/^[0-9]{1,15}$/.test(raw)) return res.status(404).json({ error: "not found" });
  const order = findOrder.get(Number(raw), customer);
  if (!order) return res.status(404).json({ error: "not found" });
  res.set("Cache-Control", "no-store");
  res.json({ id: order.id, item: order.item, total: order.total, address: order.address });
});
