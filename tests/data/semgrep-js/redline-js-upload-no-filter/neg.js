const multer = require("multer");
const upload = multer({
  dest: process.env.UPLOAD_DIR,
  limits: { fileSize: 2 * 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(null, ["image/png", "image/jpeg", "image/gif"].includes(file.mimetype)),
});
