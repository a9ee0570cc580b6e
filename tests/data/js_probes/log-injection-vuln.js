// probe: {"label": "vulnerable", "cwes": ["CWE-117"], "batch": 1}
const express = require("express");
const winston = require("winston");

const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: "auth.log" })] });
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/login", (req, res) => {
  const username = req.body.username;
  if (!verify(username, req.body.password)) {
    logger.info("failed login for user " + username + " from " + req.ip);
    return res.status(401).send("invalid login");
  }
  res.redirect("/");
});

function verify(user, password) {
  return false;
}

app.listen(3000);
