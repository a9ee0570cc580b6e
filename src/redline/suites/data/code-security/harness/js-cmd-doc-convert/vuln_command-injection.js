const child_process = require("child_process");
const path = require("path");

function convertToPdf(fileName) {
  const input = path.join(process.env.UPLOAD_DIR, fileName);
  const outDir = process.env.PDF_DIR;
  const cmd = `soffice --headless --convert-to pdf --outdir "${outDir}" "${input}"`;
  return new Promise((resolve, reject) => {
    child_process.exec(cmd, (error) => {
      if (error) return reject(error);
      resolve(path.join(outDir, fileName.replace(/\.[^.]+$/, "") + ".pdf"));
    });
  });
}

module.exports = { convertToPdf };
