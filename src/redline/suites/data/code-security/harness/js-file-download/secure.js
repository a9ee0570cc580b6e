const express = require("express");
const path = require("path");

const app = express();

app.get("/reports/:name", (req, res, next) => {
  const name = req.params.name;
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return res.status(404).send("Not found");
  res.sendFile(name, { root: path.resolve(process.env.REPORTS_DIR) }, (err) => {
    if (err) {
      if (err.status === 404 || err.code === "ENOENT") return res.status(404).send("Not found");
      return next(err);
    }
  });
});

module.exports = app;
