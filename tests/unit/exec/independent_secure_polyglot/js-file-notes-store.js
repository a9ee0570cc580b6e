// Independent secure reference for js-file-notes-store, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const fs = require("fs");
const path = require("path");

const NOTES_DIR = process.env.NOTES_DIR;
const app = express();
app.use(express.text());
module.exports = app;

// A note name is one file name inside NOTES_DIR: no path separators, no NUL or control characters, no
// leading dot; the resolved file must sit directly in NOTES_DIR. Files are opened with O_NOFOLLOW so a
// symbolic link planted in the folder is not followed out of it.
const MAX_NAME = 200;

function notePath(name) {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_NAME) return null;
  if (/[\/\\\u0000-\u001f\u007f]/.test(name) || name.startsWith(".") || name.trim() === "") return null;
  if (typeof NOTES_DIR !== "string" || NOTES_DIR === "") return null;
  const root = path.resolve(NOTES_DIR);
  const file = path.resolve(root, name + ".md");
  if (path.dirname(file) !== root || path.basename(file) !== name + ".md") return null;
  return file;
}

app.put("/notes/:name", (req, res) => {
  const file = notePath(req.params.name);
  if (file === null) return res.status(400).json({ error: "invalid note name" });
  if (typeof req.body !== "string") return res.status(400).json({ error: "send the note as text/plain" });
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC |
      fs.constants.O_NOFOLLOW, 0o640);
    fs.writeFileSync(fd, req.body, "utf8");
  } catch (e) {
    return res.status(500).json({ error: "could not save the note" });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  res.status(204).end();
});

app.get("/notes/:name", (req, res) => {
  const file = notePath(req.params.name);
  if (file === null) return res.status(404).type("text/plain").send("Not found");
  let text;
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    if (!fs.fstatSync(fd).isFile()) throw new Error("not a regular file");
    text = fs.readFileSync(fd, "utf8");
  } catch (e) {
    return res.status(404).type("text/plain").send("Not found");
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  res.set("X-Content-Type-Options", "nosniff");
  res.type("text/plain").send(text);
});
