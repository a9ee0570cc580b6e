const express = require("express");
const app = express();

app.get("/logs/search", (req, res) => {
  const term = String(req.query.pattern || "");
  res.json({ ok: "some line".includes(term) });
});

const WORD = new RegExp("^[a-z]+$");

async function koaPrefix(ctx) {
  const prefix = String(ctx.request.body.prefix || "");
  ctx.body = ["a"].filter((s) => s.startsWith(prefix));
}
