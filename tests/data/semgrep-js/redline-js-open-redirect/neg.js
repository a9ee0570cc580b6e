const express = require("express");
const app = express();

app.post("/login", (req, res) => {
  let next = req.body.next;
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) {
    next = "/dashboard";
  }
  res.redirect(next);
});

app.get("/home", (req, res) => {
  res.redirect("/dashboard");
});
