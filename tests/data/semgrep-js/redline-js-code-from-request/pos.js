const express = require("express");

const app = express();
app.get("/calc", (req, res) => {
  const expr = req.query.expr;
  setTimeout("report(" + expr + ")", 10);
  res.send("queued");
});
app.listen(3000);
