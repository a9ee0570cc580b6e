// probe: {"label": "secure", "cwes": ["CWE-22"], "batch": 1}
const express = require("express");
const fs = require("fs/promises");
const path = require("path");

const app = express();
const DOCS = path.resolve("./docs");

app.get("/docs", async (req, res, next) => {
  try {
    const page = req.query.page || "index.md";
    const target = path.resolve(DOCS, page);
    if (!target.startsWith(DOCS + path.sep)) {
      return res.status(400).send("bad page");
    }
    const text = await fs.readFile(target, "utf8");
    res.type("text/markdown").send(text);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
