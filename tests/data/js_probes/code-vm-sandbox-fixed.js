// probe: {"label": "secure", "cwes": ["CWE-94"], "batch": 1}
const express = require("express");

const app = express();
app.use(express.json());

const FIELDS = new Set(["total", "country"]);

app.post("/rules/test", (req, res) => {
  const order = { total: 120, country: "DE" };
  const { field, equals } = req.body;
  if (!FIELDS.has(field)) {
    return res.status(422).json({ error: "unknown field" });
  }
  res.json({ matched: order[field] === equals });
});

app.listen(3000);
