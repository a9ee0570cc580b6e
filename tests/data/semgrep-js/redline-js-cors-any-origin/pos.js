const express = require("express");

const app = express();
app.use((req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  next();
});
app.get("/api/profile", (req, res) => res.json({ name: "x" }));
app.listen(3000);
