const fs = require("fs");
const os = require("os");
const path = require("path");

function exportCsv(rows) {
  const file = path.join(os.tmpdir(), "orders-export.csv");
  fs.writeFileSync(file, rows.map((r) => r.join(",")).join("\n") + "\n");
  return file;
}

module.exports = { exportCsv };
