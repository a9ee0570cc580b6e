"use strict";
// Stand-in for EJS 3, written for redline's JavaScript harnesses (ejs is not installed in the sandbox): render,
// compile with EJS's tags (<%= escaped %>, <%- raw %>, <% code %>, <%# comment %>, <%% literal, -%> and _%>
// trimming, <%_ slurping), `with (locals)` scoping by default (or `_with: false` / `localsName`), `async: true`,
// and EJS's escapeXML (& < > " ').
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
function escapeXML(v) { return v === undefined || v === null ? "" : String(v).replace(/[&<>'"]/g, (c) => ESC[c]); }

function compile(template, opts) {
  opts = opts || {};
  const d = opts.delimiter || "%";
  const o = opts.openDelimiter || "<";
  const c = opts.closeDelimiter || ">";
  const q = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(q(o + d) + "([=\\-_#" + q(d) + "]?)([\\s\\S]*?)([-_]?)" + q(d + c), "g");
  let src = "";
  let last = 0;
  let trimNext = null;
  const text = (t) => {
    if (trimNext === "-") t = t.replace(/^\r?\n/, "");
    if (trimNext === "_") t = t.replace(/^[ \t]*\r?\n?/, "");
    trimNext = null;
    if (t) src += "__out += " + JSON.stringify(t) + ";\n";
  };
  let m;
  while ((m = re.exec(template)) !== null) {
    let before = template.slice(last, m.index);
    if (m[1] === "_") before = before.replace(/[ \t]*$/, "");
    text(before);
    last = re.lastIndex;
    const kind = m[1], body = m[2];
    if (kind === d) { src += "__out += " + JSON.stringify(o + d + body + m[3] + d + c) + ";\n"; continue; }
    if (kind === "=") src += "__out += __esc(" + body + ");\n";
    else if (kind === "-") src += "__out += __raw(" + body + ");\n";
    else if (kind === "#") { /* comment */ } else src += body + "\n";
    trimNext = m[3] || (opts.rmWhitespace ? "-" : null);
  }
  text(template.slice(last));
  const name = opts.localsName || "locals";
  const bodySrc = "let __out = '';\n" + (opts._with === false ? src : "with (" + name + " || {}) {\n" + src + "}\n") + "return __out;";
  const Ctor = opts.async ? Object.getPrototypeOf(async function () {}).constructor : Function;
  const fn = new Ctor(name, "__esc", "__raw", "escapeFn", "include", "rethrow", bodySrc);
  const esc = opts.escape || escapeXML;
  const raw = (v) => (v === undefined || v === null ? "" : String(v));
  const include = () => { throw new Error("include is not supported for template strings"); };
  return (data) => fn.call(opts.context, data || {}, esc, raw, esc, include, (e) => { throw e; });
}
function render(template, data, opts) { return compile(template, opts)(data); }
function renderFile(file, data, opts, cb) {
  if (typeof data === "function") { cb = data; data = {}; opts = {}; }
  if (typeof opts === "function") { cb = opts; opts = {}; }
  let out, err = null;
  try { out = render(require("fs").readFileSync(file, "utf8"), data, opts); } catch (e) { err = e; }
  if (cb) return cb(err, out);
  return err ? Promise.reject(err) : Promise.resolve(out);
}
module.exports = { render, compile, renderFile, escapeXML, __express: renderFile };
