const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);

app.get("/orders", (req, res) => {
  const sort = req.query.sort || "created";
  const dir = req.query.dir === "desc" ? "DESC" : "ASC";
  try {
    const rows = db.prepare(`SELECT * FROM orders ORDER BY ${sort} ${dir}`).all();
    res.json(rows);
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});

module.exports = app;
