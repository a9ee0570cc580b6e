// probe: {"label": "vulnerable", "cwes": ["CWE-78"], "batch": 1}
const express = require("express");
const { spawn } = require("child_process");

const app = express();

app.post("/ping", express.urlencoded({ extended: false }), (req, res) => {
  const host = req.body.host;
  const child = spawn("ping -c 3 " + host, { shell: true });
  let output = "";
  child.stdout.on("data", (chunk) => { output += chunk; });
  child.on("close", (code) => {
    res.type("text/plain").send(code === 0 ? output : "unreachable");
  });
});

app.listen(3000);
