const express = require("express");
const Database = require("better-sqlite3");

const app = express();
const db = new Database(process.env.DB_PATH);
app.use(express.urlencoded({ extended: false }));

function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

app.get("/guestbook", (req, res) => {
  const rows = db.prepare("SELECT * FROM entries ORDER BY id DESC").all();
  res.send(`<form method="post" action="/guestbook"><input name="name"><textarea name="message"></textarea>
<button type="submit">Send</button></form>` +
    rows.map((r) => `<p><b>${escapeHtml(r.name)}</b> wrote: ${escapeHtml(r.message)}</p>`).join(""));
});

app.post("/guestbook", (req, res) => {
  const { name, message } = req.body;
  const created = new Date().toISOString();
  db.exec(`INSERT INTO entries (name, message, created) VALUES ('${name}', '${message}', '${created}')`);
  res.redirect(303, "/guestbook");
});

module.exports = app;
