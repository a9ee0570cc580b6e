// probe: {"label": "vulnerable", "cwes": ["CWE-601"], "batch": 2}
const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

router.get("/logout", async (ctx) => {
  ctx.session = null;
  ctx.redirect(ctx.query.returnTo || "/");
});

app.use(router.routes());
app.listen(3000);
