// probe: {"label": "secure", "cwes": ["CWE-295"], "batch": 1}
#!/usr/bin/env node
const got = require("got");
const fs = require("fs");

async function main() {
  const url = process.argv[2] || "https://staging.example.com/status";
  const ca = process.env.STAGING_CA ? fs.readFileSync(process.env.STAGING_CA) : undefined;
  const body = await got(url, { https: { certificateAuthority: ca } }).json();
  console.log(`status: ${body.status}`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
