const child_process = require("child_process");

function run(cmd) {
  return new Promise((resolve, reject) => {
    child_process.exec(cmd, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

async function cloneRepo(url, branch, dest) {
  await run(`git clone --branch ${branch} ${url} ${dest}`);
  const head = await run(`git -C ${dest} rev-parse HEAD`);
  return head.trim();
}

module.exports = { cloneRepo };
