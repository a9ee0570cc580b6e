"use strict";
// Stand-in for multer 1.x, written for redline's JavaScript harnesses (multer is not installed in the sandbox). It
// keeps multer's API and defaults: multer({dest | storage, limits, fileFilter}) with .single/.array/.fields/.none/
// .any, diskStorage({destination, filename}) (a string destination is created; the default file name is 16 random
// bytes in hex, with no extension), memoryStorage(), req.file / req.files {fieldname, originalname, encoding,
// mimetype, destination, filename, path, size | buffer}, req.body from the text fields, limits.fileSize / files, and
// MulterError codes (LIMIT_FILE_SIZE, LIMIT_UNEXPECTED_FILE, LIMIT_FILE_COUNT). As busboy does, originalname is the
// client's file name cut after its last / or \ (and "." / ".." become empty) unless preservePath is set.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

class MulterError extends Error {
  constructor(code, field) {
    const text = { LIMIT_FILE_SIZE: "File too large", LIMIT_UNEXPECTED_FILE: "Unexpected field", LIMIT_FILE_COUNT: "Too many files" };
    super(text[code] || code); this.name = "MulterError"; this.code = code; if (field) this.field = field;
  }
}

function parse(buf, boundary) {
  const parts = [];
  const delim = Buffer.from("--" + boundary);
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    const start = pos + delim.length;
    if (buf.slice(start, start + 2).toString() === "--") break;
    const headEnd = buf.indexOf("\r\n\r\n", start);
    const next = buf.indexOf(delim, headEnd);
    if (headEnd === -1 || next === -1) break;
    const head = buf.slice(start + 2, headEnd).toString("utf8");
    const data = buf.slice(headEnd + 4, next - 2);
    const disp = /content-disposition:[^\r\n]*/i.exec(head);
    const name = disp && /\bname="([^"]*)"/i.exec(disp[0]);
    const filename = disp && /\bfilename="([^"]*)"/i.exec(disp[0]);
    const type = /content-type:\s*([^\r\n]*)/i.exec(head);
    parts.push({ name: name ? name[1] : "", filename: filename ? filename[1] : null, type: type ? type[1].trim() : "text/plain", data });
    pos = next;
  }
  return parts;
}

function busboyBasename(p) {
  for (let i = p.length - 1; i >= 0; --i) {
    if (p.charCodeAt(i) === 0x2f || p.charCodeAt(i) === 0x5c) { p = p.slice(i + 1); break; }
  }
  return p === ".." || p === "." ? "" : p;
}

function diskStorage(opts) {
  const dest = opts.destination;
  const getDest = typeof dest === "function" ? dest : (req, file, cb) => cb(null, dest || require("os").tmpdir());
  if (typeof dest === "string") fs.mkdirSync(dest, { recursive: true });
  const getName = opts.filename || ((req, file, cb) => cb(null, crypto.randomBytes(16).toString("hex")));
  return {
    _handleFile(req, file, data, cb) {
      getDest(req, file, (err, destination) => {
        if (err) return cb(err);
        getName(req, file, (err2, filename) => {
          if (err2) return cb(err2);
          const finalPath = path.join(destination, filename);
          fs.writeFile(finalPath, data, (err3) => cb(err3 || null, { destination, filename, path: finalPath, size: data.length }));
        });
      });
    },
  };
}
function memoryStorage() { return { _handleFile(req, file, data, cb) { cb(null, { buffer: data, size: data.length }); } }; }

function multer(options) {
  const opts = options || {};
  const storage = opts.storage || (opts.dest ? diskStorage({ destination: opts.dest }) : memoryStorage());
  const limits = opts.limits || {};
  const filter = opts.fileFilter || ((req, file, cb) => cb(null, true));
  const make = (allowed, mode) => (req, res, next) => {
    const ct = String(req.headers["content-type"] || "");
    const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ct);
    if (!/multipart\/form-data/i.test(ct) || !m) return next();
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      req.body = Object.create(null);
      const files = [];
      try {
        for (const part of parse(Buffer.concat(chunks), m[1] || m[2])) {
          if (part.filename === null) { req.body[part.name] = part.data.toString("utf8"); continue; }
          if (mode === "none" || (allowed && !(part.name in allowed))) throw new MulterError("LIMIT_UNEXPECTED_FILE", part.name);
          if (allowed && files.filter((f) => f.fieldname === part.name).length >= allowed[part.name]) throw new MulterError("LIMIT_UNEXPECTED_FILE", part.name);
          if (limits.files !== undefined && files.length >= limits.files) throw new MulterError("LIMIT_FILE_COUNT");
          if (limits.fileSize !== undefined && part.data.length > limits.fileSize) throw new MulterError("LIMIT_FILE_SIZE", part.name);
          const originalname = opts.preservePath ? part.filename : busboyBasename(part.filename);
          const file = { fieldname: part.name, originalname, encoding: "7bit", mimetype: part.type };
          const accept = await new Promise((resolve, reject) => filter(req, file, (err, ok) => (err ? reject(err) : resolve(ok))));
          if (!accept) continue;
          const info = await new Promise((resolve, reject) => storage._handleFile(req, file, part.data, (err, i) => (err ? reject(err) : resolve(i))));
          files.push(Object.assign(file, info));
        }
      } catch (err) { return next(err); }
      if (mode === "single") req.file = files[0];
      else if (mode === "fields") { req.files = {}; for (const f of files) (req.files[f.fieldname] = req.files[f.fieldname] || []).push(f); }
      else if (mode !== "none") req.files = files;
      next();
    });
  };
  return {
    single: (name) => make({ [name]: 1 }, "single"),
    array: (name, max) => make({ [name]: max || Infinity }, "array"),
    fields: (list) => make(Object.fromEntries(list.map((f) => [f.name, f.maxCount || Infinity])), "fields"),
    none: () => make({}, "none"),
    any: () => make(null, "any"),
  };
}
multer.diskStorage = diskStorage;
multer.memoryStorage = memoryStorage;
multer.MulterError = MulterError;
module.exports = multer;
