// probe: {"label": "secure", "cwes": ["CWE-918"], "batch": 2}
const express = require("express");
const store = require("./store");

const app = express();
app.use(express.json());

app.post("/webhooks/:id/test", async (req, res) => {
  const hook = await store.getWebhook(req.user.id, req.params.id);
  if (!hook) return res.sendStatus(404);
  const response = await fetch(hook.verifiedUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ event: "ping" }),
  });
  res.json({ delivered: response.ok, status: response.status });
});

app.listen(3000);
