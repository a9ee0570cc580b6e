const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH, { readonly: true });

const COLUMNS = new Set(["id", "customer", "total", "created"]);

app.get("/orders", (req, res) => {
  const sort = COLUMNS.has(req.query.sort) ? req.query.sort : "created";
  const dir = String(req.query.dir || "asc").toLowerCase() === "desc" ? "DESC" : "ASC";
  const rows = db.prepare(`SELECT id, customer, total, created FROM orders ORDER BY ${sort} ${dir}`).all();
  res.json(rows);
});

module.exports = app;
