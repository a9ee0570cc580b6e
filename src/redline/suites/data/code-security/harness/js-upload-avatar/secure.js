const express = require("express");
const multer = require("multer");
const crypto = require("crypto");

const app = express();
const TYPES = { "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif" };

const upload = multer({
  storage: multer.diskStorage({
    destination: process.env.UPLOAD_DIR,
    filename: (req, file, cb) => cb(null, crypto.randomBytes(16).toString("hex") + TYPES[file.mimetype]),
  }),
  limits: { fileSize: 2 * 1024 * 1024, files: 1 },
  fileFilter: (req, file, cb) => cb(null, Object.prototype.hasOwnProperty.call(TYPES, file.mimetype)),
});

app.post("/avatar", (req, res) => {
  upload.single("avatar")(req, res, (err) => {
    if (err) return res.status(400).json({ error: err.message });
    if (!req.file) return res.status(400).json({ error: "a PNG, JPEG or GIF image is required" });
    res.json({ path: req.file.filename });
  });
});

module.exports = app;
