// Independent secure reference for js-web-initial-state, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const session = require("express-session");
const { getProfile } = require("./profiles");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

// JSON inside an inline <script> must not be able to close the script element or open a comment:
// escape <, > and & (and the two line separators older parsers treat as newlines) as JSON \u escapes,
// which JavaScript reads back as the same characters.
function scriptSafeJson(value) {
  const json = JSON.stringify(value === undefined ? null : value);
  return (json === undefined ? "null" : json)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

app.get("/app", async (req, res) => {
  const userId = req.session ? req.session.userId : undefined;
  if (userId === undefined || userId === null) {
    return res.status(401).type("text/plain").send("Please log in.");
  }
  let profile;
  try {
    profile = await Promise.resolve(getProfile(userId));
  } catch (e) {
    return res.status(500).type("text/plain").send("Could not load the profile.");
  }
  res.set("Content-Type", "text/html; charset=utf-8");
  res.set("Cache-Control", "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  res.send(
    "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>App</title></head>\n<body>\n" +
    "<div id=\"root\"></div>\n" +
    "<script>window.__INITIAL_STATE__ = " + scriptSafeJson(profile) + ";</script>\n" +
    "</body>\n</html>\n");
});
