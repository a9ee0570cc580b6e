const express = require("express");
const jwt = require("jsonwebtoken");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());

const JWT_SECRET = "super-secret-jwt-key-change-me";

app.post("/api/token", async (req, res) => {
  const { username, password } = req.body;
  const user = await verifyUser(username, password);
  if (!user) return res.status(401).json({ error: "Invalid username or password" });
  const token = jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: "1h" });
  res.json({ token });
});

module.exports = app;
