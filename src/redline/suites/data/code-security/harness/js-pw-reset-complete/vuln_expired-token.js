const express = require("express");
const Database = require("better-sqlite3");
const { setPassword } = require("./users");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
module.exports = app;

app.post("/reset-password", async (req, res) => {
  const { token, password } = req.body;
  if (!token || !password) return res.status(400).json({ error: "token and password are required" });
  const reset = db.prepare("SELECT * FROM password_resets WHERE token = ? AND used = 0").get(token);
  if (!reset) return res.status(400).json({ error: "invalid token" });
  await setPassword(reset.user_id, password);
  db.prepare("UPDATE password_resets SET used = 1 WHERE token = ?").run(token);
  res.json({ ok: true });
});
