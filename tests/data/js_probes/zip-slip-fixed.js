// probe: {"label": "secure", "cwes": ["CWE-22"], "batch": 1}
const fs = require("fs");
const path = require("path");
const unzipper = require("unzipper");

async function installTheme(zipPath, themesDir) {
  const root = path.resolve(themesDir);
  const directory = await unzipper.Open.file(zipPath);
  for (const entry of directory.files) {
    const target = path.resolve(root, entry.path);
    if (!target.startsWith(root + path.sep)) {
      throw new Error(`unsafe entry ${entry.path}`);
    }
    if (entry.type === "Directory") {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await new Promise((resolve, reject) => {
      entry.stream().pipe(fs.createWriteStream(target)).on("finish", resolve).on("error", reject);
    });
  }
}

module.exports = { installTheme };
