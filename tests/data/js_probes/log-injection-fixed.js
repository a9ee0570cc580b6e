// probe: {"label": "secure", "cwes": ["CWE-117"], "batch": 1}
const express = require("express");
const winston = require("winston");

const logger = winston.createLogger({
  format: winston.format.json(),
  transports: [new winston.transports.File({ filename: "auth.log" })],
});
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/login", (req, res) => {
  const username = String(req.body.username).replace(/[\r\n]/g, "_");
  if (!verify(username, req.body.password)) {
    logger.info("failed login", { user: username, ip: req.ip });
    return res.status(401).send("invalid login");
  }
  res.redirect("/");
});

function verify(user, password) {
  return false;
}

app.listen(3000);
