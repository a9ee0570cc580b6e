const { execFile } = require("child_process");

function makeThumbnail(inputPath, outputPath, width) {
  return new Promise((resolve, reject) => {
    execFile("convert", [inputPath, "-resize", String(Number(width)), outputPath], (err) => {
      if (err) reject(err);
      else resolve();
    });
  });
}

module.exports = { makeThumbnail };
