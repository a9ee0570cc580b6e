const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH, { readonly: true });

app.get("/products", (req, res) => {
  const name = typeof req.query.name === "string" ? req.query.name : "";
  const pattern = "%" + name.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
  let sql = "SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\'";
  const params = [pattern];
  if (req.query.maxPrice !== undefined && req.query.maxPrice !== "") {
    const max = Number(req.query.maxPrice);
    if (!Number.isFinite(max)) return res.status(400).json({ error: "maxPrice must be a number" });
    sql += " AND price < ?";
    params.push(max);
  }
  res.json(db.prepare(sql + " ORDER BY id").all(...params));
});

module.exports = app;
