// probe: {"label": "vulnerable", "cwes": ["CWE-1321"], "batch": 1}
const express = require("express");
const app = express();
app.use(express.json());

const profiles = {};

app.post("/profile/:id/field", (req, res) => {
  const { path, value } = req.body;
  const profile = profiles[req.params.id] || (profiles[req.params.id] = {});
  const keys = path.split(".");
  let node = profile;
  for (let i = 0; i < keys.length - 1; i++) {
    node[keys[i]] = node[keys[i]] || {};
    node = node[keys[i]];
  }
  node[keys[keys.length - 1]] = value;
  res.json(profile);
});

app.listen(3000);
