// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const Database = require("better-sqlite3");

const db = new Database(process.env.DB_PATH);
db.exec("CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, name TEXT, message TEXT, created TEXT)");

const app = express();
app.use(express.urlencoded({ extended: false, limit: "20kb" }));
module.exports = app;

function escapeHtml(s) {
  return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]);
}

app.get("/guestbook", (req, res) => {
  const rows = db.prepare("SELECT name, message, created FROM entries ORDER BY created DESC, id DESC").all();
  const list = rows.map((r) => "<li><strong>" + escapeHtml(r.name) + "</strong> (" + escapeHtml(r.created) + "): " +
    escapeHtml(r.message) + "</li>").join("");
  res.set("Content-Type", "text/html; charset=utf-8");
  res.send("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Guestbook</title></head><body>" +
    "<form method=\"post\" action=\"/guestbook\"><input name=\"name\"><textarea name=\"message\"></textarea>" +
    "<button type=\"submit\">Sign</button></form><ul>" + list + "</ul></body></html>");
});

app.post("/guestbook", (req, res) => {
  const name = typeof req.body.name === "string" ? req.body.name.slice(0, 200) : "";
  const message = typeof req.body.message === "string" ? req.body.message.slice(0, 5000) : "";
  if (!name || !message) return res.status(400).send("name and message are required");
  db.prepare("INSERT INTO entries (name, message, created) VALUES (?, ?, ?)").run(name, message, new Date().toISOString());
  res.redirect(303, "/guestbook");
});
