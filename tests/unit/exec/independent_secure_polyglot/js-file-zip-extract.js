// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const fs = require("fs");
const path = require("path");

function extractEntries(entries, destDir) {
  const root = path.resolve(destDir);
  fs.mkdirSync(root, { recursive: true });
  const realRoot = fs.realpathSync(root);
  const written = [];
  for (const entry of entries) {
    const name = entry && entry.name;
    if (typeof name !== "string" || name.length === 0 || name.includes("\0") || path.isAbsolute(name) ||
        /^[A-Za-z]:/.test(name) || name.startsWith("\\")) {
      throw new Error("unsafe entry name: " + String(name));
    }
    const target = path.resolve(realRoot, name.replace(/\\/g, "/"));
    if (!target.startsWith(realRoot + path.sep)) throw new Error("unsafe entry name: " + name);
    if (name.endsWith("/")) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true });
    const realDir = fs.realpathSync(dir);
    if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep)) throw new Error("unsafe entry name: " + name);
    const finalPath = path.join(realDir, path.basename(target));
    try {
      if (fs.lstatSync(finalPath).isSymbolicLink()) throw new Error("refusing to write through a link: " + name);
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
    }
    const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | (fs.constants.O_NOFOLLOW || 0);
    const fd = fs.openSync(finalPath, flags, 0o644);
    try {
      fs.writeSync(fd, Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data || ""));
    } finally {
      fs.closeSync(fd);
    }
    written.push(finalPath);
  }
  return written;
}
module.exports = { extractEntries };
