// probe: {"label": "vulnerable", "cwes": ["CWE-295"], "batch": 2}
const axios = require("axios");
const https = require("https");

const client = axios.create({
  baseURL: "https://billing.partner.example.net/api",
  httpsAgent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }),
  timeout: 5000,
});

async function invoiceStatus(id) {
  const { data } = await client.get(`/invoices/${encodeURIComponent(id)}`);
  return data.status;
}

module.exports = { invoiceStatus };
