const crypto = require("crypto");

function requireApiKey(req, res, next) {
  const given = Buffer.from(req.get("X-Api-Key") || "");
  const expected = Buffer.from(process.env.ADMIN_API_KEY || "");
  if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
    return next();
  }
  res.status(403).json({ error: "forbidden" });
}

function missing(token) {
  return token === undefined;
}

function sameLength(provided, apiKey) {
  return provided.length !== apiKey.length;
}
