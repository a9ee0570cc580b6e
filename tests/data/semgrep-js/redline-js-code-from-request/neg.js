const express = require("express");

const app = express();
app.get("/calc", (req, res) => {
  const value = Number(req.query.value);
  setTimeout(() => report(value), 10);
  res.send("queued");
});
app.listen(3000);
