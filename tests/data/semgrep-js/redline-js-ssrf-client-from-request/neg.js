const express = require("express");
const axios = require("axios");

const SOURCES = { news: "https://news.example.org/feed" };
const app = express();
app.get("/preview", async (req, res) => {
  const page = await axios.get(SOURCES.news);
  res.send(page.data);
});
app.listen(3000);

async function pingHook(req, res, store) {
  const hook = await store.getWebhook(req.params.id);
  const reply = await axios.post(hook.url, { event: "ping" });
  res.json({ status: reply.status });
}
