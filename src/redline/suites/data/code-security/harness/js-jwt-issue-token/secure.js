const express = require("express");
const jwt = require("jsonwebtoken");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());

app.post("/api/token", async (req, res, next) => {
  const key = process.env.JWT_SECRET;
  if (!key) return next(new Error("JWT_SECRET is not configured"));
  try {
    const { username, password } = req.body || {};
    const user = await verifyUser(username, password);
    if (!user) return res.status(401).json({ error: "invalid credentials" });
    const token = jwt.sign({ sub: String(user.id), role: user.role }, key, { algorithm: "HS256", expiresIn: "15m" });
    res.json({ token });
  } catch (err) {
    next(err);
  }
});

module.exports = app;
