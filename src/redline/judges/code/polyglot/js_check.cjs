// Compile (never run) each file named in argv[2] (a JSON list): like `node --check`, CommonJS first
// (module wrapper, so top-level return is allowed), then as an ES module when it uses import/export.
// A file whose only fault is a redeclared `const`/`let` (a collection of snippets pasted into one file) is
// compiled again with those declarations as `var`: when that compiles it is judged, with a note, not invalid.
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
  if (!res.ok && /has already been declared/.test(res.message)) {
    try {
      vm.compileFunction(src.replace(/\b(const|let)(\s+[\w$\[{])/g, "var$2"),
        ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
      res = { ok: true, line: res.line, message: "", note: "snippet collection: " + res.message };
    } catch (err3) { /* keep the first error */ }
  }
  out.push(res);
}
process.stdout.write(JSON.stringify(out));
