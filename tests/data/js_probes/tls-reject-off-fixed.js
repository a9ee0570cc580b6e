// probe: {"label": "secure", "cwes": ["CWE-295"], "batch": 1}
const https = require("https");
const fs = require("fs");

const CA = fs.readFileSync(process.env.INTERNAL_CA_PATH || "/etc/ssl/internal-ca.pem");

function fetchRates(callback) {
  const options = {
    hostname: "rates.internal.example.com",
    path: "/v1/latest",
    method: "GET",
    ca: CA,
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
