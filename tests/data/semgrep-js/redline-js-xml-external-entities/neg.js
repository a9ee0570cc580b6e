const libxmljs = require("libxmljs");

function parseInvoice(xml) {
  const doc = libxmljs.parseXml(xml, { noent: false, nonet: true });
  return doc.get("//total").text();
}

module.exports = { parseInvoice };
