// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
const app = express();
module.exports = app;

app.get("/products", (req, res) => {
  const name = typeof req.query.name === "string" ? req.query.name : "";
  const like = "%" + name.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
  let sql = "SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\'";
  const params = [like];
  if (req.query.maxPrice !== undefined && req.query.maxPrice !== "") {
    const max = Number(req.query.maxPrice);
    if (typeof req.query.maxPrice !== "string" || !Number.isFinite(max)) {
      return res.status(400).json({ error: "bad maxPrice" });
    }
    sql += " AND price < ?";
    params.push(max);
  }
  res.json(db.prepare(sql).all(...params));
});
