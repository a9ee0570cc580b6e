const express = require("express");

const app = express();
app.use(express.json());
module.exports = app;

// POST /webhooks/test {url} -> POST {event: "ping"} to url; answer {status} or 502 {error}
app.post("/webhooks/test", async (req, res) => {
  try {
    const response = await fetch(req.body.url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: "ping" }),
      signal: AbortSignal.timeout(5000),
    });
    res.json({ status: response.status });
  } catch (err) {
    res.status(502).json({ error: "webhook could not be reached" });
  }
});
