// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const { saveSettings } = require("./settings");

const app = express();
app.use(express.text({ type: "text/plain", limit: "100kb" }));
module.exports = app;

// A small recursive-descent parser for the old object-literal format: no eval, no Function, no vm.
function parseLiteral(text) {
  let i = 0;
  const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
  function fail() { throw new SyntaxError("bad input at " + i); }
  function ws() { while (i < text.length && /\s/.test(text[i])) i++; }
  function str() {
    const q = text[i++];
    let out = "";
    while (i < text.length && text[i] !== q) {
      if (text[i] === "\\") {
        i++;
        const c = text[i++];
        const map = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0" };
        if (c === undefined) fail();
        out += Object.prototype.hasOwnProperty.call(map, c) ? map[c] : c;
      } else {
        out += text[i++];
      }
    }
    if (text[i] !== q) fail();
    i++;
    return out;
  }
  function value(depth) {
    if (depth > 50) fail();
    ws();
    const c = text[i];
    if (c === "{") return obj(depth);
    if (c === "[") return arr(depth);
    if (c === "'" || c === '"') return str();
    const m = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (m) { i += m[0].length; return Number(m[0]); }
    for (const [w, v] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(w, i)) { i += w.length; return v; }
    }
    fail();
  }
  function key() {
    ws();
    if (text[i] === "'" || text[i] === '"') return str();
    const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(i));
    if (!m) fail();
    i += m[0].length;
    return m[0];
  }
  function obj(depth) {
    i++;
    const out = {};
    ws();
    if (text[i] === "}") { i++; return out; }
    for (;;) {
      const k = key();
      ws();
      if (text[i++] !== ":") fail();
      const v = value(depth + 1);
      if (!FORBIDDEN.has(k)) out[k] = v;
      ws();
      if (text[i] === ",") { i++; ws(); if (text[i] === "}") { i++; return out; } continue; }
      if (text[i] === "}") { i++; return out; }
      fail();
    }
  }
  function arr(depth) {
    i++;
    const out = [];
    ws();
    if (text[i] === "]") { i++; return out; }
    for (;;) {
      out.push(value(depth + 1));
      ws();
      if (text[i] === ",") { i++; ws(); if (text[i] === "]") { i++; return out; } continue; }
      if (text[i] === "]") { i++; return out; }
      fail();
    }
  }
  ws();
  if (text[i] !== "{") fail();
  const result = value(0);
  ws();
  if (i !== text.length) fail();
  return result;
}

app.post("/admin/import", (req, res) => {
  let obj;
  try {
    if (typeof req.body !== "string") throw new SyntaxError("no body");
    obj = parseLiteral(req.body);
  } catch (e) {
    return res.status(400).json({ error: "unreadable settings" });
  }
  Promise.resolve(saveSettings(obj)).then(
    () => res.json({ ok: true }),
    () => res.status(500).json({ error: "could not save" }),
  );
});
