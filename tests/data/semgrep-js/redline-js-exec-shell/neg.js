const child_process = require("child_process");

function lookup(domain, cb) {
  child_process.execFile("nslookup", ["--", domain], cb);
}

function thumb(input, out, width) {
  return child_process.spawn("convert", [input, "-resize", String(width), out]);
}

function version() {
  return child_process.execSync("git --version").toString();
}

function firstWord(text) {
  return /\w+/.exec(text);
}

function listing() {
  return child_process.spawn("ls -la", { shell: true });
}
