// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const crypto = require("crypto");

function requireApiKey(req, res, next) {
  const expected = process.env.ADMIN_API_KEY;
  const given = req.get ? req.get("X-Api-Key") : req.headers["x-api-key"];
  if (typeof expected === "string" && expected.length > 0 && typeof given === "string") {
    const a = crypto.createHash("sha256").update(given).digest();
    const b = crypto.createHash("sha256").update(expected).digest();
    if (crypto.timingSafeEqual(a, b)) return next();
  }
  res.status(403).json({ error: "forbidden" });
}
module.exports = { requireApiKey };
