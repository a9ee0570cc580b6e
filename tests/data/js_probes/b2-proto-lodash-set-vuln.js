// probe: {"label": "vulnerable", "cwes": ["CWE-1321"], "batch": 2}
const express = require("express");
const _ = require("lodash");

const app = express();
app.use(express.json());
const featureFlags = { beta: { search: false } };

app.put("/admin/flags", (req, res) => {
  const { key, enabled } = req.body;
  _.set(featureFlags, key, Boolean(enabled));
  res.json(featureFlags);
});

app.listen(3000);
