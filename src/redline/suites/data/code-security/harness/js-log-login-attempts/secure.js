const express = require("express");
const fs = require("fs");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());
module.exports = app;

// one JSON object per line: a username with line breaks or quotes stays inside its string
function logAttempt(entry) {
  fs.appendFile(process.env.LOGIN_LOG, JSON.stringify(entry) + "\n", (err) => {
    if (err) process.emitWarning(`could not write the login log: ${err.message}`);
  });
}

app.post("/login", async (req, res) => {
  const { username, password } = req.body || {};
  const user = typeof username === "string" && typeof password === "string"
    ? await verifyUser(username, password) : null;
  logAttempt({ time: new Date().toISOString(), ip: req.ip, username: String(username), ok: Boolean(user) });
  if (!user) return res.status(401).json({ ok: false });
  res.json({ ok: true });
});
