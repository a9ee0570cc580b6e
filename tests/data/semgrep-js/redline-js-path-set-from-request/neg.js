const express = require("express");
const _ = require("lodash");
const app = express();
const config = {};
const EDITABLE = ["ui.theme", "ui.lang"];

app.post("/config", express.json(), (req, res) => {
  const { key, value } = req.body;
  if (!EDITABLE.includes(key)) return res.sendStatus(400);
  _.set(config, key, value);
  res.json(config);
});

app.post("/config2", express.json(), (req, res) => {
  _.set(config, "ui.theme", String(req.body.value));
  res.json(config);
});
