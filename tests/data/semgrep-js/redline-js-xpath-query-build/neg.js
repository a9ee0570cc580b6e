const xpath = require("xpath");

function findUser(doc, name) {
  const users = xpath.select("//user", doc);
  return users.filter((u) => xpath.select1("string(name)", u) === name);
}

module.exports = { findUser };
