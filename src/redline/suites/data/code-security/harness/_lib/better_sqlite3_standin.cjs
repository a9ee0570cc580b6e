"use strict";
// Stand-in for better-sqlite3 written by the harness: same synchronous API, statements run in real SQLite.
const { execFileSync } = require("child_process");
const path = require("path");
const fs = require("fs");
// The harness answers statements through named pipes (sqlite_runner.serve_fifo) when RL_SQL_FIFO names them and
// no other process is using them; else one Python process per statement.
function viaFifo(dir, input) {
  let lock;
  try { lock = fs.openSync(path.join(dir, "lock"), "wx"); } catch (e) { return null; }
  try {
    const w = fs.openSync(path.join(dir, "req"), "w");
    try { fs.writeSync(w, input); } finally { fs.closeSync(w); }
    const r = fs.openSync(path.join(dir, "rep"), "r");
    const chunks = [];
    try {
      const buf = Buffer.alloc(65536);
      for (let n; (n = fs.readSync(r, buf, 0, buf.length, null)) > 0;) chunks.push(Buffer.from(buf.subarray(0, n)));
    } finally { fs.closeSync(r); }
    return Buffer.concat(chunks).toString("utf8");
  } finally { fs.closeSync(lock); fs.unlinkSync(path.join(dir, "lock")); }
}
function call(file, mode, sql, params) {
  const input = JSON.stringify({ db: file, mode, sql, params });
  const out = (process.env.RL_SQL_FIFO && viaFifo(process.env.RL_SQL_FIFO, input))
    || execFileSync(process.env.RL_PYTHON, [process.env.RL_SQL_RUNNER], { input, encoding: "utf8" });
  const r = JSON.parse(out);
  if (!r.ok) {  // the real package's message and code, e.g. SQLITE_CONSTRAINT_UNIQUE for a duplicate key
    const message = String(r.error).replace(/^[A-Za-z]+Error: /, "");
    const kinds = [["UNIQUE constraint", "UNIQUE"], ["NOT NULL constraint", "NOTNULL"], ["FOREIGN KEY constraint", "FOREIGNKEY"],
                   ["CHECK constraint", "CHECK"], ["PRIMARY KEY", "PRIMARYKEY"]];
    const kind = kinds.find(([text]) => message.includes(text));
    const e = new Error(message);
    e.code = kind ? "SQLITE_CONSTRAINT_" + kind[1] : /^IntegrityError/.test(String(r.error)) ? "SQLITE_CONSTRAINT" : "SQLITE_ERROR";
    throw e;
  }
  return r;
}
function bind(args) {
  if (args.length === 1 && args[0] && typeof args[0] === "object" && !Array.isArray(args[0])) return args[0];
  const flat = [];
  for (const a of args) { if (Array.isArray(a)) flat.push(...a); else flat.push(a); }
  return flat.map((v) => (typeof v === "boolean" ? (v ? 1 : 0) : v === undefined ? null : v));
}
class Statement {
  constructor(db, sql) { this.database = db; this.source = sql; this._pluck = false; this._raw = false; this.reader = /^\s*(select|with|pragma|values)/i.test(sql); }
  pluck(on = true) { this._pluck = on; return this; }
  raw(on = true) { this._raw = on; return this; }
  expand() { return this; }
  bind(...a) { this._bound = a; return this; }
  _shape(cols, row) {
    if (this._pluck) return row[0];
    if (this._raw) return row;
    const o = {}; cols.forEach((c, i) => { o[c] = row[i]; }); return o;
  }
  _args(a) { return bind(this._bound && a.length === 0 ? this._bound : a); }
  get(...a) { const r = call(this.database.name, "get", this.source, this._args(a)); return r.rows.length ? this._shape(r.cols, r.rows[0]) : undefined; }
  all(...a) { const r = call(this.database.name, "all", this.source, this._args(a)); return r.rows.map((row) => this._shape(r.cols, row)); }
  *iterate(...a) { yield* this.all(...a); }
  run(...a) { return call(this.database.name, "run", this.source, this._args(a)).value; }
}
class Database {
  constructor(file, options) { if (!(this instanceof Database)) return new Database(file, options); this.name = path.resolve(String(file)); this.open = true; this.memory = false; this.readonly = false; this.inTransaction = false; }
  prepare(sql) { return new Statement(this, String(sql)); }
  exec(sql) { call(this.name, "exec", String(sql), []); return this; }
  pragma(text, opts) { const r = this.prepare("PRAGMA " + text).all(); return opts && opts.simple ? (r[0] ? Object.values(r[0])[0] : undefined) : r; }
  transaction(fn) { return (...a) => fn(...a); }
  function() { return this; }
  close() { this.open = false; return this; }
}
module.exports = Database;
module.exports.default = Database;
