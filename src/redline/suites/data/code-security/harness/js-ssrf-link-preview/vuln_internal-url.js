const express = require("express");

const app = express();
module.exports = app;

// GET /preview?url=... -> {title} of the fetched page, 400 when it cannot be fetched
app.get("/preview", async (req, res) => {
  try {
    const response = await fetch(req.query.url);
    const html = await response.text();
    const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
    res.json({ title: m ? m[1].trim() : null });
  } catch (err) {
    res.status(400).json({ error: "could not fetch " + req.query.url });
  }
});
