// probe: {"label": "vulnerable", "cwes": ["CWE-295"], "batch": 1}
const https = require("https");

function fetchRates(callback) {
  const options = {
    hostname: "rates.internal.example.com",
    path: "/v1/latest",
    method: "GET",
    rejectUnauthorized: false,
  };
  const req = https.request(options, (res) => {
    let body = "";
    res.on("data", (d) => { body += d; });
    res.on("end", () => callback(null, JSON.parse(body)));
  });
  req.on("error", callback);
  req.end();
}

module.exports = { fetchRates };
