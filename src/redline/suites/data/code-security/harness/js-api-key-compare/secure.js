// apikey.js: admin API key middleware
const crypto = require("crypto");

const digest = (value) => crypto.createHash("sha256").update(String(value)).digest();

function requireApiKey(req, res, next) {
  const expected = process.env.ADMIN_API_KEY;
  const given = req.get("X-Api-Key");
  if (!expected || typeof given !== "string" || !crypto.timingSafeEqual(digest(given), digest(expected))) {
    return res.status(403).json({ error: "forbidden" });
  }
  return next();
}

module.exports = { requireApiKey };
