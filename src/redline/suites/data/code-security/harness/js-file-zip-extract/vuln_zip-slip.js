const fs = require("fs");
const path = require("path");

function extractEntries(entries, destDir) {
  return entries.map((entry) => {
    const target = path.join(destDir, entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.data);
    return target;
  });
}

module.exports = { extractEntries };
