// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const jwt = require("jsonwebtoken");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());
module.exports = app;

app.post("/api/token", async (req, res, next) => {
  try {
    const body = req.body || {};
    if (typeof body.username !== "string" || typeof body.password !== "string") {
      return res.status(401).json({ error: "invalid credentials" });
    }
    const user = await verifyUser(body.username, body.password);
    if (!user) return res.status(401).json({ error: "invalid credentials" });
    const secret = process.env.JWT_SECRET;
    if (!secret) throw new Error("JWT_SECRET must be set");
    const token = jwt.sign({ role: user.role }, secret, { algorithm: "HS256", subject: String(user.id), expiresIn: "1h" });
    res.json({ token });
  } catch (e) {
    next(e);
  }
});
