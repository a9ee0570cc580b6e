const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);
db.prepare("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, name TEXT, message TEXT, created TEXT)").run();

app.use(express.urlencoded({ extended: true }));

app.get("/guestbook", (req, res) => {
  const entries = db.prepare("SELECT * FROM entries ORDER BY id DESC").all();
  let html = "<h1>Guestbook</h1>";
  html += '<form method="POST" action="/guestbook"><input type="text" name="name"><br>';
  html += '<textarea name="message"></textarea><br><input type="submit" value="Post"></form><hr>';
  for (const e of entries) {
    html += `<div class="entry"><b>${e.name}</b> <i>${e.created}</i><p>${e.message}</p></div>`;
  }
  res.send(html);
});

app.post("/guestbook", (req, res) => {
  db.prepare("INSERT INTO entries (name, message, created) VALUES (?, ?, datetime('now'))").run(req.body.name, req.body.message);
  res.redirect(303, "/guestbook");
});

module.exports = app;
