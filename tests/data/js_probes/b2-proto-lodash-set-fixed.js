// probe: {"label": "secure", "cwes": ["CWE-1321"], "batch": 2}
const express = require("express");
const _ = require("lodash");

const app = express();
app.use(express.json());
const featureFlags = { beta: { search: false } };
const KNOWN_FLAGS = ["beta.search", "beta.checkout"];

app.put("/admin/flags", (req, res) => {
  const { key, enabled } = req.body;
  if (!KNOWN_FLAGS.includes(key)) return res.status(400).json({ error: "unknown flag" });
  _.set(featureFlags, key, Boolean(enabled));
  res.json(featureFlags);
});

app.listen(3000);
