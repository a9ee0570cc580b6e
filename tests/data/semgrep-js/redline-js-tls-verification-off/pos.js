const https = require("https");

function fetchReport(host) {
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  return https.get({ host, path: "/report", agent });
}

module.exports = { fetchReport };
