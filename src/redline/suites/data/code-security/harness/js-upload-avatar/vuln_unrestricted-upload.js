const express = require("express");
const multer = require("multer");
const path = require("path");
const crypto = require("crypto");

const app = express();

const upload = multer({
  storage: multer.diskStorage({
    destination: process.env.UPLOAD_DIR,
    filename: (req, file, cb) => cb(null, crypto.randomUUID() + path.extname(file.originalname)),
  }),
  limits: { fileSize: 2 * 1024 * 1024 },
});

app.post("/avatar", upload.single("avatar"), (req, res) => {
  if (!req.file) return res.status(400).json({ error: "no file" });
  res.json({ path: req.file.filename });
});

module.exports = app;
