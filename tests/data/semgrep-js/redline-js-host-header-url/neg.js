const express = require("express");

const BASE_URL = process.env.BASE_URL;
const app = express();
app.post("/forgot", (req, res) => {
  const link = BASE_URL + "/reset?token=" + makeToken();
  sendMail(req.body.email, link);
  res.sendStatus(204);
});
app.listen(3000);
