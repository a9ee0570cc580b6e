// probe: {"label": "secure", "cwes": ["CWE-434"], "batch": 1}
const express = require("express");
const multer = require("multer");

const app = express();
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);
const upload = multer({
  dest: "uploads/avatars/",
  limits: { fileSize: 2 * 1024 * 1024, files: 1 },
  fileFilter: (req, file, cb) => cb(null, IMAGE_TYPES.has(file.mimetype)),
});

app.post("/avatar", upload.single("avatar"), (req, res) => {
  if (!req.file) return res.status(400).json({ error: "an image is required" });
  res.json({ id: req.file.filename, size: req.file.size });
});

app.listen(3000);
