// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
module.exports = app;

const COLUMNS = { id: "id", customer: "customer", total: "total", created: "created" };

app.get("/orders", (req, res) => {
  const sort = typeof req.query.sort === "string" && Object.prototype.hasOwnProperty.call(COLUMNS, req.query.sort)
    ? COLUMNS[req.query.sort] : "created";
  const dir = typeof req.query.dir === "string" && req.query.dir.toLowerCase() === "desc" ? "DESC" : "ASC";
  res.json(db.prepare("SELECT id, customer, total, created FROM orders ORDER BY " + sort + " " + dir).all());
});
