const express = require("express");

const app = express();
app.post("/forgot", (req, res) => {
  const link = "https://" + req.headers.host + "/reset?token=" + makeToken();
  sendMail(req.body.email, link);
  res.sendStatus(204);
});
app.listen(3000);
