const express = require("express");

const app = express();
app.get("/out", (req, res) => {
  const next = req.query.next;
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) {
    return res.redirect("/");
  }
  return res.redirect(next);
});
app.listen(3000);
