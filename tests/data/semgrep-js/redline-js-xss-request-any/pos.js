const express = require("express");

const app = express();
app.get("/welcome", (req, res) => {
  const agent = req.headers["user-agent"];
  res.send("<p>Your browser: " + agent + "</p>");
});
app.listen(3000);
