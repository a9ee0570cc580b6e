const express = require("express");
const Database = require("better-sqlite3");
const { setPassword } = require("./users");

const db = new Database(process.env.DB_PATH);
const app = express();
app.use(express.json());
module.exports = app;

app.post("/reset-password", async (req, res) => {
  const { token, password } = req.body;
  let row;
  try {
    row = db.prepare(`SELECT * FROM password_resets WHERE token = '${token}'`).get();
  } catch (err) {
    return res.status(400).json({ error: "invalid token" });
  }
  if (!row || row.used || new Date(row.expires_at).getTime() < Date.now()) {
    return res.status(400).json({ error: "invalid or expired token" });
  }
  db.prepare("UPDATE password_resets SET used = 1 WHERE token = ?").run(row.token);
  await setPassword(row.user_id, password);
  res.json({ ok: true });
});
