const express = require("express");
const _ = require("lodash");
const app = express();
const config = {};

app.post("/config", express.json(), (req, res) => {
  const { key, value } = req.body;
  _.set(config, key, value);
  res.json(config);
});

app.post("/config2", express.json(), (req, res) => {
  _.setWith(config, req.body.path, req.body.value, Object);
  res.json(config);
});
