const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);

app.post("/messages/:id/delete", (req, res) => {
  if (!req.session.userId) return res.status(401).json({ error: "not logged in" });
  const result = db.prepare("DELETE FROM messages WHERE id = ?").run(req.params.id);
  res.json({ deleted: result.changes });
});

module.exports = app;
