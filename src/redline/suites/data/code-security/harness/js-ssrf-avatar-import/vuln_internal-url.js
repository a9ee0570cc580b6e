const express = require("express");
const session = require("express-session");
const fs = require("fs");
const path = require("path");

const AVATAR_DIR = process.env.AVATAR_DIR;
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
module.exports = app;

const ALLOWED = ["image/png", "image/jpeg", "image/gif"];

app.post("/profile/avatar-url", async (req, res) => {
  const { url } = req.body || {};
  try {
    const response = await fetch(url);
    if (!response.ok) return res.status(400).json({ error: "download failed" });
    const type = (response.headers.get("content-type") || "").split(";")[0];
    if (!ALLOWED.includes(type)) return res.status(400).json({ error: "not an image" });
    const buf = Buffer.from(await response.arrayBuffer());
    if (buf.length > 1024 * 1024) return res.status(400).json({ error: "image too large" });
    fs.writeFileSync(path.join(AVATAR_DIR, `${req.session.userId}.img`), buf);
    res.json({ ok: true, bytes: buf.length });
  } catch (err) {
    res.status(400).json({ error: "could not download image" });
  }
});
