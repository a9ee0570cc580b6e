const child_process = require("child_process");
const { exec } = require("child_process");

function lookup(domain, cb) {
  child_process.exec("nslookup " + domain, cb);
}

function thumb(input, out, width) {
  exec(`convert ${input} -resize ${width} ${out}`, () => {});
}

function clone(url) {
  return child_process.spawnSync("git", ["clone", url], { shell: true });
}

function unpack(archive) {
  return child_process.spawn("tar -xzf " + archive, { shell: true });
}
