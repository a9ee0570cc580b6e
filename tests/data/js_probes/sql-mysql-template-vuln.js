// probe: {"label": "vulnerable", "cwes": ["CWE-89"], "batch": 1}
const express = require("express");
const mysql = require("mysql2");

const pool = mysql.createPool({ host: "localhost", user: "shop", database: "shop" });
const router = express.Router();

router.get("/orders", (req, res) => {
  const { customer, status } = req.query;
  const sql = `SELECT id, total, created_at FROM orders WHERE customer_id = ${customer} AND status = '${status}'`;
  pool.query(sql, (err, rows) => {
    if (err) {
      return res.status(500).json({ error: "query failed" });
    }
    res.json(rows);
  });
});

module.exports = router;
