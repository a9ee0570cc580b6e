// probe: {"label": "secure", "cwes": ["CWE-918"], "batch": 1}
const express = require("express");
const axios = require("axios");

const app = express();
const ALLOWED_HOSTS = new Set(["example.com", "news.example.org"]);

app.get("/preview", async (req, res) => {
  let target;
  try {
    target = new URL(String(req.query.url));
  } catch (e) {
    return res.status(400).json({ error: "bad url" });
  }
  if (target.protocol !== "https:" || !ALLOWED_HOSTS.has(target.hostname)) {
    return res.status(400).json({ error: "host not allowed" });
  }
  try {
    const response = await axios.get(target.href, { timeout: 3000, maxRedirects: 0 });
    const title = /<title>([^<]*)<\/title>/i.exec(response.data);
    res.json({ url: target.href, title: title ? title[1] : null });
  } catch (e) {
    res.status(502).json({ error: "fetch failed" });
  }
});

app.listen(3000);
