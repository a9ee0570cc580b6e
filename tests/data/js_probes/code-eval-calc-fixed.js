// probe: {"label": "secure", "cwes": ["CWE-95"], "batch": 1}
const express = require("express");
const app = express();
app.use(express.json());

const OPS = { "+": (a, b) => a + b, "-": (a, b) => a - b, "*": (a, b) => a * b, "/": (a, b) => a / b };

app.post("/api/calculate", (req, res) => {
  const { left, op, right } = req.body;
  const a = Number(left);
  const b = Number(right);
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(op in OPS)) {
    return res.status(400).json({ error: "bad expression" });
  }
  res.json({ value: OPS[op](a, b) });
});

app.listen(4000);
