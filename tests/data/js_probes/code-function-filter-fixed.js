// probe: {"label": "secure", "cwes": ["CWE-94"], "batch": 1}
const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();
const items = [{ name: "lamp", price: 20 }, { name: "desk", price: 150 }];

router.get("/items", (ctx) => {
  const max = Number(ctx.query.maxPrice);
  const predicate = Number.isFinite(max) ? (item) => item.price <= max : () => true;
  ctx.body = items.filter(predicate);
});

app.use(router.routes());
app.listen(3000);
