// probe: {"label": "vulnerable", "cwes": ["CWE-918"], "batch": 2}
const express = require("express");

const app = express();
app.use(express.json());

app.post("/webhooks/test", async (req, res) => {
  const { callbackUrl, event } = req.body;
  const response = await fetch(callbackUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ event: event || "ping" }),
  });
  res.json({ delivered: response.ok, status: response.status });
});

app.listen(3000);
