const child_process = require("child_process");

function git(args, cwd) {
  return new Promise((resolve, reject) => {
    child_process.execFile("git", args, { cwd }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

async function cloneRepo(url, branch, dest) {
  await git(["clone", "-b", branch, url, dest]);
  return (await git(["rev-parse", "HEAD"], dest)).trim();
}

module.exports = { cloneRepo };
