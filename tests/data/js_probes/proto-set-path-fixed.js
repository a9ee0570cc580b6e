// probe: {"label": "secure", "cwes": ["CWE-1321"], "batch": 1}
const express = require("express");
const app = express();
app.use(express.json());

const profiles = new Map();
const EDITABLE = new Set(["displayName", "bio", "location"]);

app.post("/profile/:id/field", (req, res) => {
  const { path, value } = req.body;
  if (!EDITABLE.has(path)) {
    return res.status(400).json({ error: "field not editable" });
  }
  const profile = profiles.get(req.params.id) || {};
  profile[path] = String(value);
  profiles.set(req.params.id, profile);
  res.json(profile);
});

app.listen(3000);
