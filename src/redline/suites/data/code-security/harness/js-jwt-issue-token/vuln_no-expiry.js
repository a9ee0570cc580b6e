const express = require("express");
const jwt = require("jsonwebtoken");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());

app.post("/api/token", async (req, res) => {
  try {
    const user = await verifyUser(req.body.username, req.body.password);
    if (!user) return res.sendStatus(401);
    res.json({ token: jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET) });
  } catch (e) {
    res.status(500).json({ error: "token error" });
  }
});

module.exports = app;
