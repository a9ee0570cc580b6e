// probe: {"label": "vulnerable", "cwes": ["CWE-434"], "batch": 1}
const express = require("express");
const multer = require("multer");

const app = express();
const upload = multer({ dest: "public/avatars/" });

app.post("/avatar", upload.single("avatar"), (req, res) => {
  res.json({ url: `/avatars/${req.file.filename}`, size: req.file.size });
});

app.listen(3000);
