const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);

app.get("/products", (req, res) => {
  const { name = "", maxPrice } = req.query;
  let query = `SELECT id, name, price FROM products WHERE name LIKE '%${name}%'`;
  if (maxPrice) {
    query += ` AND price < ${parseFloat(maxPrice)}`;
  }
  try {
    res.json(db.prepare(query).all());
  } catch (e) {
    res.status(500).json({ error: "database error" });
  }
});

module.exports = app;
