function requireApiKey(req, res, next) {
  if (req.get("X-Api-Key") === process.env.ADMIN_API_KEY) {
    return next();
  }
  res.status(403).json({ error: "forbidden" });
}

function verifyPassword(password, stored) {
  const [salt, hash] = stored.split(":");
  return derive(password, salt) === hash;
}
