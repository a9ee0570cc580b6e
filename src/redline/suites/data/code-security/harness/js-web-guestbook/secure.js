const express = require("express");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
db.exec(`CREATE TABLE IF NOT EXISTS entries (
  id INTEGER PRIMARY KEY, name TEXT, message TEXT, created TEXT)`);

const app = express();
app.use(express.urlencoded({ extended: false }));

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

app.get("/guestbook", (req, res) => {
  const rows = db.prepare("SELECT name, message, created FROM entries ORDER BY created DESC, id DESC").all();
  const items = rows.map((r) => `<li><strong>${esc(r.name)}</strong>: ${esc(r.message)} <small>${esc(r.created)}</small></li>`);
  res.type("html").send(`<!doctype html><html><body><h1>Guestbook</h1>
<form method="post" action="/guestbook">
  <input name="name" placeholder="Your name"> <textarea name="message"></textarea> <button>Sign</button>
</form>
<ul>${items.join("\n")}</ul></body></html>`);
});

app.post("/guestbook", (req, res) => {
  const name = String(req.body.name || "").slice(0, 100);
  const message = String(req.body.message || "").slice(0, 2000);
  db.prepare("INSERT INTO entries (name, message, created) VALUES (?, ?, ?)")
    .run(name, message, new Date().toISOString());
  res.redirect(303, "/guestbook");
});

module.exports = app;
