"use strict";
// One node process per sample that runs the harness's Node drivers one after another (hhost.NodeHost), so a
// sample pays node's start once instead of once per call. Each call looks to its driver like a fresh
// `node DRIVER ARGS`: its own argv, environment, cwd and stdin, a require cache without anything a call loaded
// before (every test's candidate and stand-ins are required afresh), stdout/stderr sent back as they are written.
// A call is over when nothing it started keeps the event loop alive (when a fresh node would have exited), or,
// for a server, when the harness says stop (its servers are closed). What a call changed in the builtin objects
// and modules (a polluted prototype, a global added, a patched `dns`) is put back as it was; whatever cannot be put
// back or checked ends the host instead: process.exit, an uncaught error, a frozen builtin, something still
// running after a stop, a large resident size. The harness then starts a new host for the next call.
// Protocol: one JSON command per line on stdin; messages, one JSON object a line, on the pipe whose fd is argv[2]:
// {out} / {err} (output chunks), {done, rc, leave} (a call ended; leave: the host exits now), {stopped, leave} (a
// server call ended), {bye} (exiting).
const fs = require("fs");
const net = require("net");
const REPLY_FD = Number(process.argv[2] || 3);
const MAX_RSS = 384 * 1024 * 1024;
const realExit = process.exit.bind(process);
const realRead = fs.readFileSync;
const send = (msg) => { try { fs.writeSync(REPLY_FD, JSON.stringify(msg) + "\n"); } catch (e) { realExit(70); } };
let current = null;  // the call in progress: {stdin, servers, mode, quiet}

// ------------------------------------------------------------------------------ output, stdin, exit
for (const [stream, key] of [[process.stdout, "out"], [process.stderr, "err"]]) {
  stream.write = function (chunk, enc, cb) {
    if (typeof enc === "function") { cb = enc; enc = undefined; }
    const bytes = Buffer.isBuffer(chunk) || chunk instanceof Uint8Array;
    const text = bytes ? Buffer.from(chunk).toString("utf8") : String(chunk);
    if (current && text && !current.quiet) {
      send({ [key]: text });
      // a server's first line is its port; what it prints after that nobody reads (a fresh node's pipe filled
      // up and blocked it at 64 KB; here it is dropped)
      if (current.mode === "serve" && key === "out") {
        current.seen = (current.seen || "") + text;
        current.quiet = current.seen.includes("\n");
      }
    }
    if (typeof cb === "function") process.nextTick(cb);
    return true;
  };
}
fs.readFileSync = function (p, opts) {
  if (current && (p === 0 || p === "/dev/stdin")) {
    const enc = typeof opts === "string" ? opts : opts && opts.encoding;
    return enc ? current.stdin : Buffer.from(current.stdin);
  }
  return realRead.apply(this, arguments);
};
process.exit = function (code) {  // as a fresh node: the call ends here, with what it wrote so far
  const rc = code === undefined ? (process.exitCode === undefined ? 0 : Number(process.exitCode)) : Number(code);
  if (current) send({ done: true, rc, leave: true });
  bye();
};
function bye() { send({ bye: true }); realExit(0); }
process.on("uncaughtException", (e) => {
  if (current) { send({ err: String(e && e.stack || e) + "\n" }); send({ done: true, rc: 1, leave: true }); }
  bye();
});

// ------------------------------------------------------------------------------ servers a call starts
const realListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...a) {
  if (current) current.servers.push(this);
  return realListen.apply(this, a);
};

// ------------------------------------------------------------------------------ what a call must not change
// The builtin globals and their prototypes, and every builtin module as it was when first required (the host's
// own now; a call's at its first require, before the caller sees it): loading all of them up front cost a third
// of the host's start.
const GLOBALS = ["Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Math", "JSON",
  "Date", "RegExp", "Promise", "Reflect", "Error", "TypeError", "Map", "Set", "WeakMap", "Buffer", "URL",
  "URLSearchParams", "console", "process", "Uint8Array", "ArrayBuffer", "TextEncoder", "TextDecoder"];
const snap = new Map();  // label -> [object, own property descriptors by key, prototype, extensible]
function watch(label, obj) {
  if (snap.has(label) || obj === null || (typeof obj !== "object" && typeof obj !== "function")) return;
  const props = new Map();
  for (const key of Reflect.ownKeys(obj)) {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    if (d) props.set(key, d);
  }
  snap.set(label, [obj, props, Object.getPrototypeOf(obj), Object.isExtensible(obj)]);
}
function watchModule(name, m) {
  const label = "module " + name.replace(/^node:/, "");
  if (snap.has(label)) return;
  watch(label, m);
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(m))) {  // values only: a getter stays lazy
    if (typeof d.value === "function" && d.value.prototype) watch(label + "." + k + ".prototype", d.value.prototype);
  }
}
for (const g of GLOBALS) {
  const v = globalThis[g];
  if (v) { watch(g, v); if (v.prototype) watch(g + ".prototype", v.prototype); }
}
watch("globalThis", globalThis);  // after the loop above, which turned some lazy getters into values
watch("generator prototype", Object.getPrototypeOf(function* () {}));
const Module = require("module");
const BUILTIN = new Set(Module.builtinModules);
const realLoad = Module._load;
Module._load = function (request, parent, isMain) {
  const m = realLoad.apply(this, arguments);
  if (typeof request === "string" && (BUILTIN.has(request) || request.startsWith("node:"))) watchModule(request, m);
  return m;
};
for (const [name, m] of [["fs", fs], ["net", net], ["module", Module]]) watchModule(name, m);
watch("Module.prototype", Module.prototype);  // require itself
watch("Module._extensions", Module._extensions);  // how a .js / .json / .node file loads
// process.env, process.argv, exitCode and the stream objects are set per call, not compared
const PER_CALL = new Set(["env", "argv", "exitCode", "_exiting", "title", "stdout", "stderr", "stdin", "_events",
  "_eventsCount", "mainModule"]);
function skipped(obj, key, now) {
  if (obj === process && PER_CALL.has(key)) return true;
  // node wraps process.chdir itself once a worker thread exists (undici's fetch starts one)
  if (obj === process && key === "chdir" && now && String(now.value).includes("cwdCounter")) return true;
  return obj === globalThis && (key === "global" || key === "console");
}
function differs(obj, was, now) {
  if (was.enumerable !== now.enumerable || was.configurable !== now.configurable) return true;
  if ("value" in was && "value" in now) return !Object.is(was.value, now.value) || was.writable !== now.writable;
  if (!("value" in was) && !("value" in now)) return was.get !== now.get || was.set !== now.set;
  // a lazy global or export (TextEncoder, crypto, fs.promises, ...) first used by a call: its getter, asked
  // again, gives the value it installed, unless the call replaced that value
  return !("value" in now && was.get && Object.is(now.value, was.get.call(obj)));
}
// fetch's connection pool, which node's fetch (undici) installs on globalThis, for good, at its first use: kept
// from then on as part of the host, as a lazy global (its connections end with the servers they went to)
const DISPATCHER = Symbol.for("undici.globalDispatcher.1");
function ownDispatcher() {
  const d = Object.getOwnPropertyDescriptor(globalThis, DISPATCHER);
  return Boolean(d && d.writable && !d.enumerable && !d.configurable && d.value && d.value.constructor
    && d.value.constructor.name === "Agent");
}
function changed() {  // where the first difference from the snapshot is, or null
  for (const [label, [obj, props, proto, extensible]] of snap) {
    if (Object.getPrototypeOf(obj) !== proto || Object.isExtensible(obj) !== extensible) return label;
    for (const key of Reflect.ownKeys(obj)) {
      if (props.has(key)) continue;
      if (obj === globalThis && key === DISPATCHER && ownDispatcher()) {
        props.set(key, Object.getOwnPropertyDescriptor(obj, key));
      } else return label + " +" + String(key);
    }
    for (const [key, was] of props) {
      const now = Object.getOwnPropertyDescriptor(obj, key);
      if (skipped(obj, key, now)) continue;
      if (!now) return label + " -" + String(key);
      if (differs(obj, was, now)) return label + " ~" + String(key);
    }
  }
  return null;
}
function restore() {  // put back what a call changed (a polluted prototype, a patched dns.lookup); false if it cannot
  try {
    for (const [, [obj, props, proto, extensible]] of snap) {
      if (Object.isExtensible(obj) !== extensible) return false;  // Object.preventExtensions / freeze
      if (Object.getPrototypeOf(obj) !== proto) Object.setPrototypeOf(obj, proto);
      for (const key of Reflect.ownKeys(obj)) if (!props.has(key)) delete obj[key];
      for (const [key, was] of props) {
        const now = Object.getOwnPropertyDescriptor(obj, key);
        if (!skipped(obj, key, now) && (!now || differs(obj, was, now))) Object.defineProperty(obj, key, was);
      }
    }
  } catch (e) {
    return false;  // a frozen object, a property no longer configurable
  }
  return changed() === null;
}

// ------------------------------------------------------------------------------ the event loop's other users
function busy() {  // resources (handles, requests, ref'd timers) other than the host's own stdin
  const counts = {};
  for (const t of process.getActiveResourcesInfo()) counts[t] = (counts[t] || 0) + 1;
  let n = 0;
  for (const [t, c] of Object.entries(counts)) n += Math.max(0, c - (baseline[t] || 0));
  return n;
}

// ------------------------------------------------------------------------------ one call
const baseKeys = new Set(Object.keys(require.cache));
function freshModules() {
  for (const k of Object.keys(require.cache)) if (!baseKeys.has(k)) delete require.cache[k];
}
function start(cmd) {
  current = { stdin: cmd.stdin || "", servers: [], mode: cmd.mode, quiet: false };
  freshModules();
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, cmd.env || {});
  process.chdir(cmd.cwd);
  process.argv = [process.execPath, cmd.driver, ...(cmd.args || [])];
  process.exitCode = undefined;
  try {
    // NODE_OPTIONS="--require PATH": loaded before the driver, resolved from the cwd as node does
    for (const p of cmd.preload || []) require(require.resolve(p, { paths: [process.cwd()] }));
    require(cmd.driver);
  } catch (e) {
    send({ err: String(e && e.stack || e) + "\n" });
    send({ done: true, rc: 1, leave: true });
    return bye();
  }
  if (cmd.mode === "run") waitIdle(() => finish(Number(process.exitCode || 0)));
}
function waitIdle(then) {  // polls with an unref'd timer, which keeps nothing alive itself: 1 ms, backing off to 20
  let delay = 1;
  const check = () => {
    if (busy() === 0) return then();
    delay = Math.min(20, delay * 2);
    setTimeout(check, delay).unref();
  };
  setImmediate(check).unref();
}
function finish(rc) {
  after({ done: true, rc });
}
function stop() {
  const call = current;
  const servers = call.servers;
  let left = servers.length;
  const closed = () => { if (--left <= 0) waitIdleOrEnd(); };
  for (const s of servers) {
    try { if (s.closeAllConnections) s.closeAllConnections(); } catch (e) { /* not an http server */ }
    try { s.close(closed); } catch (e) { closed(); }
  }
  if (!servers.length) waitIdleOrEnd();
  function waitIdleOrEnd() {  // a fresh process would have been killed: anything still running ends the host
    const t0 = Date.now();
    const check = () => {
      if (busy() === 0) return after({ stopped: true });
      if (Date.now() - t0 > 300) { send({ stopped: true, leave: true }); return bye(); }
      setTimeout(check, 2).unref();
    };
    check();
  }
}
function after(msg) {  // the call's last message says whether the host goes on (see the top of the file)
  current = null;
  freshModules();
  const leave = (changed() !== null && !restore()) || process.memoryUsage().rss > MAX_RSS;
  send(Object.assign(msg, { leave }));
  if (leave) bye();
}

// ------------------------------------------------------------------------------ the command channel
let buf = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buf += chunk;
  let i;
  while ((i = buf.indexOf("\n")) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    if (!line.trim()) continue;
    const cmd = JSON.parse(line);
    if (cmd.op === "stop") { if (current) stop(); else send({ stopped: true }); } else start(cmd);
  }
});
process.stdin.on("end", () => realExit(0));
const baseline = {};
setImmediate(() => {
  for (const t of process.getActiveResourcesInfo()) baseline[t] = (baseline[t] || 0) + 1;
  send({ ready: true });
});
