const express = require("express");
const fs = require("fs");
const path = require("path");

const NOTES_DIR = process.env.NOTES_DIR;
const app = express();
app.use(express.text());
module.exports = app;

// a note name is one path segment: no separators, no "." or "..", no NUL
function notePath(name) {
  if (typeof name !== "string" || !name.trim() || name.length > 200) return null;
  if (/[\/\\\0]/.test(name) || name === "." || name === "..") return null;
  const root = path.resolve(NOTES_DIR);
  const file = path.resolve(root, name + ".md");
  if (path.dirname(file) !== root) return null;
  return file;
}

app.put("/notes/:name", (req, res) => {
  const file = notePath(req.params.name);
  if (!file) return res.status(400).json({ error: "bad note name" });
  const text = typeof req.body === "string" ? req.body : "";
  fs.writeFile(file, text, "utf8", (err) => {
    if (err) return res.status(500).json({ error: "could not save" });
    res.status(204).end();
  });
});

app.get("/notes/:name", (req, res) => {
  const file = notePath(req.params.name);
  if (!file) return res.status(404).type("text/plain").send("not found");
  fs.readFile(file, "utf8", (err, text) => {
    if (err) return res.status(404).type("text/plain").send("not found");
    res.type("text/plain").send(text);
  });
});
