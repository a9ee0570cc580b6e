// probe: {"label": "vulnerable", "cwes": ["CWE-1333"], "batch": 1}
const express = require("express");
const app = express();

const customers = ["Ada Lovelace", "Grace Hopper", "Alan Turing"];

app.get("/customers", (req, res) => {
  const pattern = new RegExp(req.query.match, "i");
  res.json(customers.filter((name) => pattern.test(name)));
});

app.listen(3000);
