const express = require("express");
const multer = require("multer");
const path = require("path");

const app = express();

const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, process.env.UPLOAD_DIR),
  // our uploader widget percent-encodes names with spaces and accents
  filename: (req, file, cb) => cb(null, Date.now() + "-" + decodeURIComponent(file.originalname)),
});
const upload = multer({
  storage,
  limits: { fileSize: 2 * 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(null, /\.(png|jpe?g|gif)$/i.test(file.originalname) && /^image\//.test(file.mimetype)),
});

app.post("/avatar", upload.single("avatar"), (req, res) => {
  if (!req.file) return res.status(400).json({ error: "invalid image" });
  res.json({ path: path.relative(process.env.UPLOAD_DIR, req.file.path) });
});

module.exports = app;
