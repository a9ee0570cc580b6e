const express = require("express");
const Database = require("better-sqlite3");
const { setPassword } = require("./users");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
module.exports = app;

const findToken = db.prepare("SELECT user_id, expires_at, used FROM password_resets WHERE token = ?");
const claimToken = db.prepare("UPDATE password_resets SET used = 1 WHERE token = ? AND used = 0");

app.post("/reset-password", async (req, res) => {
  const { token, password } = req.body || {};
  if (typeof token !== "string" || !token || typeof password !== "string" || password.length < 8) {
    return res.status(400).json({ error: "invalid request" });
  }
  const row = findToken.get(token);
  const expires = row ? Date.parse(row.expires_at) : NaN;
  if (!row || row.used !== 0 || !(expires > Date.now())) {
    return res.status(400).json({ error: "this reset link is not valid any more" });
  }
  // claim the token before using it, so that two requests with one token cannot both succeed
  if (claimToken.run(token).changes !== 1) return res.status(400).json({ error: "this reset link was used" });
  await setPassword(row.user_id, password);
  res.json({ ok: true });
});
