const express = require("express");
const { checkPassword } = require("./auth");

const app = express();
app.use(express.urlencoded({ extended: true }));

app.post("/login", async (req, res) => {
  const { email, password, next } = req.body;
  const ok = await checkPassword(email, password);
  if (!ok) {
    return res.status(401).send("Invalid credentials");
  }
  req.session.user = email;
  res.redirect(302, next || "/dashboard");
});

module.exports = app;
