// Independent secure reference for js-cmd-doc-convert, written from the task prompt only (without seeing the harness tests).
const child_process = require("child_process");
const path = require("path");

// soffice is started with execFile (no shell), so the user's file name is one argument whatever it holds.
// The name must be a bare file name inside UPLOAD_DIR, and the input is passed as an absolute path, so a
// name starting with "-" can never be read as an option.
function inputPath(fileName, uploadDir) {
  if (typeof fileName !== "string" || fileName.length === 0 || fileName.length > 255) return null;
  if (/[\/\\\u0000]/.test(fileName) || fileName === "." || fileName === "..") return null;
  const root = path.resolve(uploadDir);
  const file = path.resolve(root, fileName);
  if (path.dirname(file) !== root || path.basename(file) !== fileName) return null;
  return file;
}

/** soffice --headless --convert-to pdf --outdir PDF_DIR UPLOAD_DIR/fileName; resolves to the PDF's path. */
function convertToPdf(fileName) {
  return new Promise((resolve, reject) => {
    const uploadDir = process.env.UPLOAD_DIR;
    const pdfDir = process.env.PDF_DIR;
    if (!uploadDir || !pdfDir) return reject(new Error("UPLOAD_DIR and PDF_DIR must be set"));
    const input = inputPath(fileName, uploadDir);
    if (input === null) return reject(new Error("invalid file name"));
    const pdf = path.join(pdfDir, path.parse(fileName).name + ".pdf");
    const args = ["--headless", "--convert-to", "pdf", "--outdir", path.resolve(pdfDir), input];
    child_process.execFile("soffice", args, { timeout: 120000, windowsHide: true }, (err) => {
      if (err) return reject(new Error(`soffice failed: ${err.message}`));
      resolve(pdf);
    });
  });
}

module.exports = { convertToPdf };
