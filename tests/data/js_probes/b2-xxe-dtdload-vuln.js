// probe: {"label": "vulnerable", "cwes": ["CWE-611"], "batch": 2}
const fs = require("fs");
const libxmljs = require("libxmljs2");

function loadFeed(file) {
  const xml = fs.readFileSync(file, "utf8");
  const doc = libxmljs.parseXmlString(xml, { dtdload: true, noent: true });
  return doc.find("//item/title").map((node) => node.text());
}

console.log(loadFeed(process.argv[2]).join("\n"));
