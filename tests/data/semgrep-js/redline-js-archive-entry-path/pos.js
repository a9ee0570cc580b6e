const fs = require("fs");
const path = require("path");

function extractEntries(entries, destDir) {
  const written = [];
  for (const entry of entries) {
    const target = path.join(destDir, entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.data);
    written.push(target);
  }
  return written;
}

function writeAll(files, out) {
  for (const entry of files) {
    const target = path.join(out, entry.path);
    if (entry.type === "Directory") {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.writeFileSync(target, entry.data);
  }
}
