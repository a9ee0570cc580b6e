// probe: {"label": "secure", "cwes": ["CWE-601"], "batch": 2}
const Koa = require("koa");
const Router = require("@koa/router");

const app = new Koa();
const router = new Router();

function isLocalPath(target) {
  return typeof target === "string" && /^\/(?![\/\\])/.test(target);
}

router.get("/logout", async (ctx) => {
  ctx.session = null;
  const target = ctx.query.returnTo;
  ctx.redirect(isLocalPath(target) ? target : "/");
});

app.use(router.routes());
app.listen(3000);
