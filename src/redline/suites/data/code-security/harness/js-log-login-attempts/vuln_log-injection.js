const express = require("express");
const fs = require("fs");
const { verifyUser } = require("./users");

const app = express();
app.use(express.json());
module.exports = app;

app.post("/login", async (req, res) => {
  const { username, password } = req.body;
  const user = await verifyUser(username, password);
  const result = user ? "SUCCESS" : "FAILURE";
  fs.appendFileSync(process.env.LOGIN_LOG, `${new Date().toISOString()} ${req.ip} ${username} ${result}\n`);
  res.status(user ? 200 : 401).json({ ok: !!user });
});
