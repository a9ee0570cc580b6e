const fs = require("fs");
const path = require("path");

function extractEntries(entries, destDir) {
  const root = path.resolve(destDir);
  const written = [];
  for (const entry of entries) {
    const target = path.resolve(root, entry.name);
    if (!target.startsWith(root + path.sep)) {
      throw new Error("entry outside the destination: " + entry.name);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.data);
    written.push(target);
  }
  return written;
}
