// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const { countClick } = require("./stats");

const app = express();
module.exports = app;

function partners() {
  return new Set((process.env.PARTNERS || "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));
}

app.get("/out", async (req, res, next) => {
  const raw = req.query.url;
  if (typeof raw !== "string") return res.status(400).send("bad url");
  let u;
  try {
    u = new URL(raw);
  } catch (e) {
    return res.status(400).send("bad url");
  }
  if ((u.protocol !== "http:" && u.protocol !== "https:") || u.username || u.password ||
      !partners().has(u.hostname.toLowerCase())) {
    return res.status(400).send("target not allowed");
  }
  try {
    await Promise.resolve(countClick(raw));
  } catch (e) {
    return next(e);
  }
  res.redirect(302, u.href);
});
