const express = require("express");
const { saveSettings } = require("./settings");

const app = express();
app.use(express.text());
module.exports = app;

// A reader for the old tool's object literals: objects, arrays, strings in ' or ", numbers, true/false/null and
// bare keys. Nothing in the text is ever run.
function parseLiteral(text) {
  let i = 0;
  const fail = () => { throw new SyntaxError("unreadable settings at " + i); };
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  function value() {
    ws();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === "'" || c === '"') return string();
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += m[0].length;
    return JSON.parse(m[0]);
  }
  function string() {
    const q = text[i++];
    let out = "";
    while (i < text.length && text[i] !== q) {
      if (text[i] === "\\") { i++; const e = text[i++]; out += { n: "\n", t: "\t", r: "\r" }[e] || e; } else out += text[i++];
    }
    if (text[i] !== q) fail();
    i++;
    return out;
  }
  function key() {
    ws();
    if (text[i] === "'" || text[i] === '"') return string();
    const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(i));
    if (!m) fail();
    i += m[0].length;
    return m[0];
  }
  function object() {
    i++;
    const out = {};
    ws();
    while (text[i] !== "}") {
      const k = key();
      ws();
      if (text[i++] !== ":") fail();
      const v = value();
      if (k !== "__proto__" && k !== "constructor" && k !== "prototype") out[k] = v;
      ws();
      if (text[i] === ",") { i++; ws(); } else if (text[i] !== "}") fail();
    }
    i++;
    return out;
  }
  function array() {
    i++;
    const out = [];
    ws();
    while (text[i] !== "]") {
      out.push(value());
      ws();
      if (text[i] === ",") { i++; ws(); } else if (text[i] !== "]") fail();
    }
    i++;
    return out;
  }
  const result = value();
  ws();
  if (i !== text.length || result === null || typeof result !== "object" || Array.isArray(result)) fail();
  return result;
}

app.post("/admin/import", async (req, res, next) => {
  let settings;
  try {
    settings = parseLiteral(typeof req.body === "string" ? req.body : "");
  } catch (e) {
    return res.status(400).json({ error: "unreadable settings export" });
  }
  try {
    await saveSettings(settings);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});
