const child_process = require("child_process");
const { promisify } = require("util");

const execFile = promisify(child_process.execFile);

async function cloneRepo(url, branch, dest) {
  if (typeof url !== "string" || typeof branch !== "string" || url.startsWith("-") || branch.startsWith("-")) {
    throw new Error("invalid repository or branch");
  }
  await execFile("git", ["clone", "--branch", branch, "--single-branch", "--", url, dest]);
  const { stdout } = await execFile("git", ["-C", dest, "rev-parse", "HEAD"]);
  return stdout.trim();
}

module.exports = { cloneRepo };
