// probe: {"label": "secure", "cwes": ["CWE-611"], "batch": 2}
const fs = require("fs");
const libxmljs = require("libxmljs2");

function loadFeed(file) {
  const xml = fs.readFileSync(file, "utf8");
  const doc = libxmljs.parseXmlString(xml, { nonet: true });
  return doc.find("//item/title").map((node) => node.text());
}

console.log(loadFeed(process.argv[2]).join("\n"));
