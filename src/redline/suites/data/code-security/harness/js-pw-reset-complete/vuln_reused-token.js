const express = require("express");
const Database = require("better-sqlite3");
const { setPassword } = require("./users");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
module.exports = app;

app.post("/reset-password", async (req, res) => {
  const { token, password } = req.body || {};
  const row = db.prepare("SELECT user_id, expires_at FROM password_resets WHERE token = ?").get(token);
  if (!row) return res.status(400).json({ error: "invalid token" });
  if (new Date(row.expires_at) < new Date()) return res.status(400).json({ error: "token expired" });
  await setPassword(row.user_id, password);
  res.json({ ok: true });
});
