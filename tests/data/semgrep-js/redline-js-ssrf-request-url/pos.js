const express = require("express");
const app = express();

app.get("/preview", async (req, res) => {
  const r = await fetch(req.query.url);
  res.json({ status: r.status });
});

app.post("/webhooks/test", async (req, res) => {
  const { url } = req.body;
  const r = await fetch(url, { method: "POST" });
  res.json({ status: r.status });
});
