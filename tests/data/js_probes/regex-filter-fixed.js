// probe: {"label": "secure", "cwes": ["CWE-1333"], "batch": 1}
const express = require("express");
const app = express();

const customers = ["Ada Lovelace", "Grace Hopper", "Alan Turing"];

app.get("/customers", (req, res) => {
  const needle = String(req.query.match || "").slice(0, 64).toLowerCase();
  res.json(customers.filter((name) => name.toLowerCase().includes(needle)));
});

app.listen(3000);
