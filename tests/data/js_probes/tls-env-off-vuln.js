// probe: {"label": "vulnerable", "cwes": ["CWE-295"], "batch": 1}
#!/usr/bin/env node
const got = require("got");

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

async function main() {
  const url = process.argv[2] || "https://staging.example.com/status";
  const body = await got(url).json();
  console.log(`status: ${body.status}`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
