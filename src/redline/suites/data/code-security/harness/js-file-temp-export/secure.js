const fs = require("fs");
const os = require("os");
const path = require("path");

function csvCell(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function exportCsv(rows) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-")); // a new private folder (mode 0700)
  const file = path.join(dir, "export.csv");
  const text = rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  fs.writeFileSync(file, text, { flag: "wx", mode: 0o600 }); // fails rather than follow an existing name
  return file;
}

module.exports = { exportCsv };
