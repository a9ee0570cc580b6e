// probe: {"label": "vulnerable", "cwes": ["CWE-94"], "batch": 1}
const express = require("express");
const vm = require("vm");

const app = express();
app.use(express.text());

app.post("/rules/test", (req, res) => {
  const context = { order: { total: 120, country: "DE" }, result: null };
  vm.createContext(context);
  try {
    vm.runInContext(`result = (${req.body})`, context, { timeout: 50 });
    res.json({ matched: Boolean(context.result) });
  } catch (err) {
    res.status(422).json({ error: "rule failed" });
  }
});

app.listen(3000);
