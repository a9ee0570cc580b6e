const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);

app.post("/messages/:id/delete", (req, res) => {
  const userId = req.session.userId;
  if (!userId) return res.status(401).json({ error: "unauthorized" });
  try {
    const info = db.prepare(`DELETE FROM messages WHERE id = ${req.params.id} AND author_id = ?`).run(userId);
    res.json({ deleted: info.changes });
  } catch (e) {
    res.status(500).json({ error: "could not delete" });
  }
});

module.exports = app;
