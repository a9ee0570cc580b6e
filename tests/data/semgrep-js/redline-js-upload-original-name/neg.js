const crypto = require("crypto");
const multer = require("multer");
const EXT = { "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif" };
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, process.env.UPLOAD_DIR),
  filename: (req, file, cb) => cb(null, crypto.randomUUID() + EXT[file.mimetype]),
});
const upload = multer({ storage, fileFilter: (req, file, cb) => cb(null, file.mimetype in EXT) });
