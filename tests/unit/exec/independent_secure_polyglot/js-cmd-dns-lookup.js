// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const { execFile } = require("child_process");

const app = express();
module.exports = app;

const HOST = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;

app.get("/tools/lookup", (req, res) => {
  const domain = req.query.domain;
  if (typeof domain !== "string" || !HOST.test(domain)) {
    return res.status(400).type("text/plain").send("invalid domain\n");
  }
  execFile("nslookup", ["--", domain], { timeout: 10000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
    if (err && !stdout) return res.status(502).type("text/plain").send("lookup failed\n");
    res.status(200).type("text/plain").send(stdout);
  });
});
