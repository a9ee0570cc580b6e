const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);
const remove = db.prepare("DELETE FROM messages WHERE id = ? AND author_id = ?");

app.post("/messages/:id/delete", (req, res) => {
  const userId = req.session && req.session.userId;
  if (userId === undefined || userId === null) return res.status(401).json({ error: "login required" });
  const id = Number(req.params.id);
  if (!Number.isInteger(id)) return res.status(400).json({ error: "bad id" });
  const info = remove.run(id, userId);
  res.json({ deleted: info.changes });
});

module.exports = app;
