// Compile (never run) each file named in argv[2] (a JSON list): like `node --check`, CommonJS first
// (module wrapper, so top-level return is allowed), then as an ES module when it uses import/export.
"use strict";
const fs = require("fs");
const vm = require("vm");
const files = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = [];
function lineOf(err, file) {
  const m = String(err && err.stack).match(new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ":(\\d+)"));
  return m ? Number(m[1]) : null;
}
for (const file of files) {
  const src = fs.readFileSync(file, "utf8");
  let res = { ok: true, line: null, message: "" };
  try {
    vm.compileFunction(src, ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
  } catch (err) {
    res = { ok: false, line: lineOf(err, file), message: String(err && err.message) };
    if (/\b(import|export)\b|await/.test(res.message) && typeof vm.SourceTextModule === "function") {
      try {
        new vm.SourceTextModule(src, { identifier: file });
        res = { ok: true, line: null, message: "" };
      } catch (err2) {
        res = { ok: false, line: lineOf(err2, file), message: String(err2 && err2.message) };
      }
    }
  }
  out.push(res);
}
process.stdout.write(JSON.stringify(out));
