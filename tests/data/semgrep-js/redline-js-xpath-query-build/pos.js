const xpath = require("xpath");

function findUser(doc, name) {
  return xpath.select("//user[name/text()='" + name + "']", doc);
}

module.exports = { findUser };
