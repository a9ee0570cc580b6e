const express = require("express");
const { execFile } = require("child_process");

const app = express();

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

app.get("/tools/lookup", (req, res) => {
  const domain = typeof req.query.domain === "string" ? req.query.domain : "";
  if (!HOSTNAME.test(domain)) return res.status(400).type("text/plain").send("invalid domain\n");
  execFile("nslookup", [domain], { timeout: 10000 }, (err, stdout, stderr) => {
    res.status(200).type("text/plain").send(stdout || stderr || String(err));
  });
});

module.exports = app;
