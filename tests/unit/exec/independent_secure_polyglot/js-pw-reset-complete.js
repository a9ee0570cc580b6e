// Independent secure reference for js-pw-reset-complete, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const Database = require("better-sqlite3");
const { setPassword } = require("./users");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
module.exports = app;

// A token is valid only when it exists, is unused and has not expired. It is consumed with a conditional
// UPDATE (used = 0 -> 1) before the password changes, so two requests racing with one token cannot both
// succeed; after a successful reset every other open token of the same user is retired as well.
const findToken = db.prepare("SELECT user_id, expires_at, used FROM password_resets WHERE token = ?");
const consumeToken = db.prepare("UPDATE password_resets SET used = 1 WHERE token = ? AND used = 0");
const retireOthers = db.prepare("UPDATE password_resets SET used = 1 WHERE user_id = ? AND used = 0");

const INVALID = { error: "invalid or expired reset link" };

app.post("/reset-password", async (req, res) => {
  const body = req.body && typeof req.body === "object" ? req.body : {};
  const { token, password } = body;
  if (typeof token !== "string" || token.length === 0 || token.length > 512) return res.status(400).json(INVALID);
  if (typeof password !== "string" || password.length === 0 || password.length > 1024) {
    return res.status(400).json({ error: "a new password is required" });
  }
  const row = findToken.get(token);
  if (!row || Number(row.used) !== 0) return res.status(400).json(INVALID);
  const expires = Date.parse(String(row.expires_at));
  if (!Number.isFinite(expires) || expires <= Date.now()) return res.status(400).json(INVALID);
  if (consumeToken.run(token).changes !== 1) return res.status(400).json(INVALID);
  try {
    await setPassword(row.user_id, password);
  } catch (e) {
    return res.status(500).json({ error: "could not set the password" });
  }
  retireOthers.run(row.user_id);
  res.json({ ok: true });
});
