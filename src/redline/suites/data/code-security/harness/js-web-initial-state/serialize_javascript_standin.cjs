"use strict";
// Stand-in for the serialize-javascript package (not installed in the sandbox), written for redline's harness:
// plain data only (what a page state holds), escaped as the package escapes it, so the output can sit inside an
// inline <script>: "<", ">", "/", U+2028 and U+2029 become \u escapes. Functions, regular expressions and dates,
// which the package also serializes, are not needed for a profile object.
const UNSAFE = { "<": "\\u003C", ">": "\\u003E", "/": "\\u002F", "\u2028": "\\u2028", "\u2029": "\\u2029" };
function serialize(obj, options) {
  const opts = typeof options === "number" || typeof options === "string" ? { space: options } : options || {};
  const text = JSON.stringify(obj, null, opts.space);
  if (text === undefined) return String(text);
  return opts.unsafe ? text : text.replace(/[<>\/\u2028\u2029]/g, (c) => UNSAFE[c]);
}
module.exports = serialize;
module.exports.default = serialize;
