// apikey.js: admin API key middleware
const crypto = require("crypto");

function requireApiKey(req, res, next) {
  const given = Buffer.from(String(req.headers["x-api-key"] || ""));
  const expected = Buffer.from(String(process.env.ADMIN_API_KEY || ""));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return res.status(403).json({ error: "forbidden" });
  }
  next();
}

module.exports = { requireApiKey };
