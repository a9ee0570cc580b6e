const express = require("express");
const fs = require("fs");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());
module.exports = app;

app.post("/login", async (req, res) => {
  const { username, password } = req.body;
  const user = await verifyUser(username, password);
  const entry = {
    time: new Date().toISOString(),
    ip: req.ip,
    username,
    password, // helps us see which passwords attackers try
    success: !!user,
  };
  fs.appendFileSync(process.env.LOGIN_LOG, JSON.stringify(entry) + "\n");
  if (user) return res.status(200).json({ ok: true });
  res.status(401).json({ ok: false });
});
