// probe: {"label": "vulnerable", "cwes": ["CWE-95"], "batch": 1}
const express = require("express");
const app = express();
app.use(express.json());

app.post("/api/calculate", (req, res) => {
  const { expression } = req.body;
  try {
    const value = eval(expression);
    res.json({ expression, value });
  } catch (e) {
    res.status(400).json({ error: "bad expression" });
  }
});

app.listen(4000);
