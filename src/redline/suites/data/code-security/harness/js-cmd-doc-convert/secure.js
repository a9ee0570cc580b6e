const child_process = require("child_process");
const path = require("path");

function convertToPdf(fileName) {
  const uploadDir = process.env.UPLOAD_DIR;
  const pdfDir = process.env.PDF_DIR;
  const input = path.join(uploadDir, path.basename(fileName));
  const output = path.join(pdfDir, path.parse(input).name + ".pdf");
  return new Promise((resolve, reject) => {
    child_process.execFile(
      "soffice",
      ["--headless", "--convert-to", "pdf", "--outdir", pdfDir, input],
      { timeout: 120000 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`soffice failed: ${stderr || err.message}`));
        resolve(output);
      },
    );
  });
}

module.exports = { convertToPdf };
