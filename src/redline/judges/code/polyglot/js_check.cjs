// Compile (never run) each file named in argv[2] (a JSON list): like `node --check`, CommonJS first
// (module wrapper, so top-level return is allowed), then as an ES module when it uses import/export.
// A collection of snippets pasted into one file (test assets, answers with alternatives) often redeclares a
// `const`/`let` or uses `await` in a callback that is not async; such a file is compiled again with those
// declarations as `var` and those `await`s dropped: when that compiles it is judged (with a note), not invalid.
"use strict";
const fs = require("fs");
const vm = require("vm");
const files = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = [];
const WRAP = ["exports", "require", "module", "__filename", "__dirname"];
function lineOf(err, file) {
  const m = String(err && err.stack).match(new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ":(\\d+)"));
  return m ? Number(m[1]) : null;
}
function compile(src, file) {
  let res = { ok: true, line: null, message: "" };
  try {
    vm.compileFunction(src, WRAP, { filename: file });
  } catch (err) {
    res = { ok: false, line: lineOf(err, file), message: String(err && err.message) };
    if (/\b(import|export)\b|await/.test(res.message) && typeof vm.SourceTextModule === "function") {
      try {
        new vm.SourceTextModule(src, { identifier: file });
        res = { ok: true, line: null, message: "" };
      } catch (err2) {
        if (/\b(import|export)\b/.test(res.message)) {
          res = { ok: false, line: lineOf(err2, file), message: String(err2 && err2.message) };
        }
      }
    }
  }
  return res;
}
const REPAIRS = [
  [/has already been declared/, (s) => s.replace(/\b(const|let)(\s+[\w$[{])/g, "var$2")],
  [/await is only valid/, (s) => s.replace(/\bawait\s+(?=[\w$(])/g, "")],
];
for (const file of files) {
  let src = fs.readFileSync(file, "utf8");
  const first = compile(src, file);
  let res = first;
  for (let round = 0; !res.ok && round < 4; round++) {
    const repair = REPAIRS.find(([re]) => re.test(res.message));
    if (!repair) break;
    src = repair[1](src);
    res = compile(src, file);
  }
  if (res.ok && !first.ok) {
    res = { ok: true, line: first.line, message: "", note: "snippet collection: " + first.message };
  } else if (!res.ok) {
    res = first;
  }
  out.push(res);
}
process.stdout.write(JSON.stringify(out));
