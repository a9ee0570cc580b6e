// probe: {"label": "vulnerable", "cwes": ["CWE-79"], "batch": 1}
const Koa = require("koa");
const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== "/search") return;
  const q = ctx.query.q || "";
  const hits = await searchIndex(q);
  ctx.type = "html";
  ctx.body = "<p>Results for <b>" + q + "</b>: " + hits.length + "</p>";
});

async function searchIndex(q) {
  return [];
}

app.listen(3000);
