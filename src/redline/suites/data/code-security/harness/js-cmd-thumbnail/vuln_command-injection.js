const { exec } = require("child_process");

function makeThumbnail(inputPath, outputPath, width) {
  return new Promise((resolve, reject) => {
    exec(`convert "${inputPath}" -resize ${width} "${outputPath}"`, (err) => (err ? reject(err) : resolve()));
  });
}

module.exports = { makeThumbnail };
