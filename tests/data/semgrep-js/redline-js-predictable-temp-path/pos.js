const fs = require("fs");
const os = require("os");
const path = require("path");

function exportCsv(rows) {
  const file = path.join(os.tmpdir(), `export-${Date.now()}.csv`);
  fs.writeFileSync(file, rows.map((r) => r.join(",")).join("\n"));
  return file;
}

function other(name) {
  return "/tmp/report-" + name;
}
