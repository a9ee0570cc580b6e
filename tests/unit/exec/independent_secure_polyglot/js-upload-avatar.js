// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const multer = require("multer");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const app = express();
module.exports = app;

const TYPES = { "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif" };
const MAX = 2 * 1024 * 1024;

function sniff(buf) {
  if (buf.length >= 8 && buf.slice(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "image/jpeg";
  if (buf.length >= 6 && (buf.slice(0, 6).toString("latin1") === "GIF87a" || buf.slice(0, 6).toString("latin1") === "GIF89a")) return "image/gif";
  return null;
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX, files: 1, fields: 10, parts: 20 },
});

app.post("/avatar", (req, res) => {
  upload.single("avatar")(req, res, (err) => {
    if (err) {
      const tooBig = err.code === "LIMIT_FILE_SIZE";
      return res.status(tooBig ? 413 : 400).json({ error: tooBig ? "file too large" : "bad upload" });
    }
    if (!req.file) return res.status(400).json({ error: "avatar file required" });
    const type = sniff(req.file.buffer);
    if (!type || req.file.size > MAX) return res.status(400).json({ error: "only PNG, JPEG or GIF images" });
    // The stored name is ours (random + extension from the sniffed content), never the client's file name.
    const name = crypto.randomBytes(16).toString("hex") + TYPES[type];
    const dir = path.resolve(process.env.UPLOAD_DIR);
    const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW || 0);
    fs.open(path.join(dir, name), flags, 0o644, (e1, fd) => {
      if (e1) return res.status(500).json({ error: "could not store" });
      fs.write(fd, req.file.buffer, 0, req.file.buffer.length, null, (e2) => {
        fs.close(fd, () => {
          if (e2) return res.status(500).json({ error: "could not store" });
          res.json({ path: name });
        });
      });
    });
  });
});
