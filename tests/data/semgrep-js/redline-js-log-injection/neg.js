const express = require("express");
const logger = require("./logger");
const app = express();

app.get("/lookup", (req, res) => {
  const term = String(req.query.term).replace(/[\r\n]+/g, " ");
  logger.info(`lookup for ${term}`);
  logger.info("lookup", { agent: req.headers["user-agent"] });
  console.warn("slow lookup " + JSON.stringify(req.query.page));
  res.sendStatus(204);
});
