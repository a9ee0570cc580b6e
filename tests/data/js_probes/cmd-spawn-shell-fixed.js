// probe: {"label": "secure", "cwes": ["CWE-78"], "batch": 1}
const express = require("express");
const net = require("net");
const { spawn } = require("child_process");

const app = express();

app.post("/ping", express.urlencoded({ extended: false }), (req, res) => {
  const host = String(req.body.host);
  if (!net.isIP(host)) {
    return res.status(400).send("an IP address is required");
  }
  const child = spawn("ping", ["-c", "3", host]);
  let output = "";
  child.stdout.on("data", (chunk) => { output += chunk; });
  child.on("close", (code) => {
    res.type("text/plain").send(code === 0 ? output : "unreachable");
  });
});

app.listen(3000);
