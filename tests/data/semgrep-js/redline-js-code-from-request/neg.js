const express = require("express");

const app = express();
app.get("/calc", (req, res) => {
  const value = Number(req.query.value);
  setTimeout(() => report(value), 10);
  res.send("queued");
});
app.listen(3000);

const TASKS = { flush: () => 0 };
app.post("/later", (req, res) => {
  setTimeout(TASKS[req.body.task], Number(req.body.delay));
  res.sendStatus(202);
});
