// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const { execFile } = require("child_process");

function run(args, opts) {
  return new Promise((resolve, reject) => {
    execFile("git", args, Object.assign({ timeout: 300000, maxBuffer: 10 * 1024 * 1024 }, opts), (err, stdout) => {
      if (err) reject(err); else resolve(stdout);
    });
  });
}

function checkUrl(url) {
  if (typeof url !== "string" || url.startsWith("-")) throw new Error("bad url");
  let u;
  try { u = new URL(url); } catch (e) { throw new Error("bad url"); }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("only http(s) repositories");
}

function checkBranch(branch) {
  if (typeof branch !== "string" || branch.length === 0 || branch.length > 200 || branch.startsWith("-") ||
      !/^[A-Za-z0-9._\/-]+$/.test(branch) || branch.includes("..")) {
    throw new Error("bad branch");
  }
}

async function cloneRepo(url, branch, dest) {
  checkUrl(url);
  checkBranch(branch);
  if (typeof dest !== "string" || dest.length === 0) throw new Error("bad dest");
  const env = Object.assign({}, process.env, { GIT_TERMINAL_PROMPT: "0", GIT_ALLOW_PROTOCOL: "http:https" });
  await run(["-c", "protocol.allow=never", "-c", "protocol.https.allow=always", "-c", "protocol.http.allow=always",
    "clone", "--branch", branch, "--single-branch", "--", url, dest], { env });
  const out = await run(["-C", dest, "rev-parse", "HEAD"], { env });
  return out.trim();
}
module.exports = { cloneRepo };
