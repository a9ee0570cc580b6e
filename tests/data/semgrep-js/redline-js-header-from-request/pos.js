const express = require("express");

const app = express();
app.get("/download", (req, res) => {
  const lang = req.query.lang;
  res.setHeader("Content-Language", lang);
  res.send("ok");
});
app.listen(3000);
