// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const { execFile } = require("child_process");
const path = require("path");

function safePath(p) {
  if (typeof p !== "string" || p.length === 0 || p.includes("\0")) throw new Error("bad path");
  // Make the path absolute so a name starting with '-' can never be read as an option,
  // and strip any ImageMagick coder prefix/frame syntax by refusing ':' and '[' in the file name.
  const abs = path.resolve(p);
  const base = path.basename(abs);
  if (/[:\[\]]/.test(base)) throw new Error("bad file name");
  return abs;
}

function makeThumbnail(inputPath, outputPath, width) {
  return new Promise((resolve, reject) => {
    let input, output;
    try {
      input = safePath(inputPath);
      output = safePath(outputPath);
    } catch (e) {
      return reject(e);
    }
    const w = Number(width);
    if (!Number.isInteger(w) || w < 1 || w > 10000) return reject(new Error("bad width"));
    execFile("convert", [input, "-resize", String(w), output], { timeout: 60000 }, (err) => {
      if (err) reject(err); else resolve();
    });
  });
}
module.exports = { makeThumbnail };
