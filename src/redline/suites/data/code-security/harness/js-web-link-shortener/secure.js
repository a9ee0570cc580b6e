const express = require("express");
const { countClick } = require("./stats");

const app = express();

function partners() {
  return new Set((process.env.PARTNERS || "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));
}

app.get("/out", async (req, res, next) => {
  let target;
  try {
    target = new URL(String(req.query.url || ""));
  } catch (e) {
    return res.status(400).send("bad link");
  }
  if (!["http:", "https:"].includes(target.protocol) || target.username || target.password
      || !partners().has(target.hostname.toLowerCase())) {
    return res.status(400).send("not a partner link");
  }
  try {
    await countClick(target.href);
  } catch (err) {
    return next(err);
  }
  res.redirect(302, target.href);
});

module.exports = app;
