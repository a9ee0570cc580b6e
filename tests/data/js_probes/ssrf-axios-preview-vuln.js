// probe: {"label": "vulnerable", "cwes": ["CWE-918"], "batch": 1}
const express = require("express");
const axios = require("axios");

const app = express();

app.get("/preview", async (req, res) => {
  const { url } = req.query;
  try {
    const response = await axios.get(url, { timeout: 3000 });
    const title = /<title>([^<]*)<\/title>/i.exec(response.data);
    res.json({ url, title: title ? title[1] : null });
  } catch (e) {
    res.status(502).json({ error: "fetch failed" });
  }
});

app.listen(3000);
