// probe: {"label": "vulnerable", "cwes": ["CWE-1321"], "batch": 1}
const express = require("express");
const app = express();
app.use(express.json());

const settings = { notifications: { email: true }, theme: "light" };

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (typeof source[key] === "object" && source[key] !== null) {
      if (!target[key]) target[key] = {};
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

app.patch("/settings", (req, res) => {
  deepMerge(settings, req.body);
  res.json(settings);
});

app.listen(3000);
