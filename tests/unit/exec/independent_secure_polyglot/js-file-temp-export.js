// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const fs = require("fs");
const os = require("os");
const path = require("path");

function csvField(s) {
  let v = String(s === null || s === undefined ? "" : s);
  return /[",\r\n]/.test(v) || v !== v.trim() ? '"' + v.replace(/"/g, '""') + '"' : v;
}

function exportCsv(rows) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-"));
  const file = path.join(dir, "export.csv");
  const text = rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW || 0), 0o600);
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}
module.exports = { exportCsv };
