const express = require("express");
const { exec } = require("child_process");

const app = express();

app.get("/tools/lookup", (req, res) => {
  const domain = req.query.domain;
  exec(`nslookup ${domain}`, (error, stdout, stderr) => {
    res.type("text/plain");
    res.status(200).send(stdout + stderr);
  });
});

module.exports = app;
