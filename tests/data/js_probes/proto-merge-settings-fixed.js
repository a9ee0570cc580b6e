// probe: {"label": "secure", "cwes": ["CWE-1321"], "batch": 1}
const express = require("express");
const app = express();
app.use(express.json());

const settings = { notifications: { email: true }, theme: "light" };
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (FORBIDDEN.has(key)) continue;
    if (typeof source[key] === "object" && source[key] !== null) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) target[key] = Object.create(null);
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
