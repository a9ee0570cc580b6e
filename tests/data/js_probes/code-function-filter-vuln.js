// probe: {"label": "vulnerable", "cwes": ["CWE-94"], "batch": 1}
const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();
const items = [{ name: "lamp", price: 20 }, { name: "desk", price: 150 }];

router.get("/items", (ctx) => {
  const condition = ctx.query.filter || "true";
  const predicate = new Function("item", "return " + condition + ";");
  ctx.body = items.filter(predicate);
});

app.use(router.routes());
app.listen(3000);
