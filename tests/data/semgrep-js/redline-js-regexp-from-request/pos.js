const express = require("express");
const app = express();

app.get("/logs/search", (req, res) => {
  const re = new RegExp(req.query.pattern);
  res.json({ ok: re.test("x") });
});

app.get("/filter", (req, res) => {
  const term = req.query.term;
  const re = new RegExp(term, "i");
  res.json({ ok: re.test("y") });
});

async function koaPrefix(ctx) {
  const { prefix } = ctx.request.body;
  const matcher = new RegExp("^" + prefix);
  ctx.body = ["a"].filter((s) => matcher.test(s));
}
