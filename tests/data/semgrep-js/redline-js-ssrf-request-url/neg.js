const express = require("express");
const app = express();

app.get("/preview", async (req, res) => {
  const url = new URL(req.query.url);
  if (!(await isPublicHost(url.hostname))) {
    return res.status(400).json({ error: "blocked" });
  }
  const r = await fetch(url);
  res.json({ status: r.status });
});

app.get("/status", async (req, res) => {
  const id = req.query.id;
  const cached = cache.get(id);
  const r = await fetch("https://status.example.org/api");
  res.json({ status: r.status, cached });
});
