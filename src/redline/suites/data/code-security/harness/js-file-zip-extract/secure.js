const fs = require("fs");
const path = require("path");

function extractEntries(entries, destDir) {
  const root = path.resolve(destDir);
  const written = [];
  for (const { name, data } of entries) {
    const target = path.resolve(root, name);
    if (target !== root && !target.startsWith(root + path.sep)) {
      throw new Error(`entry outside the destination: ${name}`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
    written.push(target);
  }
  return written;
}

module.exports = { extractEntries };
