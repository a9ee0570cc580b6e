// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const fs = require("fs");
const path = require("path");

const app = express();
module.exports = app;

app.get("/reports/:name", (req, res) => {
  const name = req.params.name;
  if (typeof name !== "string" || name.length === 0 || name.includes("\0") || name.includes("/") ||
      name.includes("\\") || name === "." || name === "..") {
    return res.status(404).send("Not found");
  }
  const root = path.resolve(process.env.REPORTS_DIR);
  const file = path.resolve(root, name);
  if (path.dirname(file) !== root) return res.status(404).send("Not found");
  fs.realpath(file, (err, real) => {
    if (err) return res.status(404).send("Not found");
    fs.realpath(root, (err2, realRoot) => {
      if (err2 || path.dirname(real) !== realRoot) return res.status(404).send("Not found");
      fs.stat(real, (err3, st) => {
        if (err3 || !st.isFile()) return res.status(404).send("Not found");
        res.sendFile(real, { dotfiles: "allow" }, (e) => {
          if (e && !res.headersSent) res.status(404).send("Not found");
        });
      });
    });
  });
});
