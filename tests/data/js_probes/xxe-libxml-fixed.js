// probe: {"label": "secure", "cwes": ["CWE-611"], "batch": 1}
const express = require("express");
const libxmljs = require("libxmljs");

const app = express();
app.use(express.text({ type: "application/xml" }));

app.post("/invoices", (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true, noblanks: true });
  const total = doc.get("//total");
  res.json({ total: total ? total.text() : null });
});

app.listen(3000);
