// probe: {"label": "vulnerable", "cwes": ["CWE-22"], "batch": 1}
const express = require("express");
const fs = require("fs/promises");

const app = express();

app.get("/docs", async (req, res, next) => {
  try {
    const page = req.query.page || "index.md";
    const text = await fs.readFile(`./docs/${page}`, "utf8");
    res.type("text/markdown").send(text);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
