const express = require("express");
const logger = require("./logger");
const app = express();

app.get("/lookup", (req, res) => {
  const term = req.query.term;
  logger.info(`lookup for ${term}`);
  console.warn("slow lookup " + req.headers["user-agent"]);
  res.sendStatus(204);
});
