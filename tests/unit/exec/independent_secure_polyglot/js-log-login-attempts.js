// Independent secure reference for js-log-login-attempts, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const fs = require("fs");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());
module.exports = app;

// One JSON object per line: JSON.stringify escapes CR, LF and every other control character inside the
// username, and the Unicode line breaks JSON leaves alone are escaped here, so a username cannot start a
// forged line. The password is never written. The address is the connection's own (X-Forwarded-For is not
// trusted, since any client can set it).
function logLine(entry) {
  return JSON.stringify(entry).replace(/[\u0085\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function appendAttempt(req, username, ok) {
  const file = process.env.LOGIN_LOG;
  if (!file) return;
  const entry = {
    time: new Date().toISOString(),
    ip: req.ip || (req.socket && req.socket.remoteAddress) || null,
    username: username.length > 256 ? username.slice(0, 256) + "..." : username,
    ok,
  };
  try {
    fs.appendFileSync(file, logLine(entry) + "\n", { encoding: "utf8", mode: 0o600 });
  } catch (e) {
    console.error("login log not written:", e && e.code);
  }
}

app.post("/login", async (req, res) => {
  const body = req.body && typeof req.body === "object" ? req.body : {};
  const username = typeof body.username === "string" ? body.username : "";
  const password = typeof body.password === "string" ? body.password : "";
  let user = null;
  if (username !== "" && password !== "") {
    try {
      user = await verifyUser(username, password);
    } catch (e) {
      user = null;
    }
  }
  const ok = Boolean(user);
  appendAttempt(req, username, ok);
  if (!ok) return res.status(401).json({ ok: false });
  res.json({ ok: true });
});
