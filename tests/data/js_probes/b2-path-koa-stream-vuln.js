// probe: {"label": "vulnerable", "cwes": ["CWE-22"], "batch": 2}
const Koa = require("koa");
const Router = require("@koa/router");
const fs = require("fs");
const path = require("path");

const app = new Koa();
const router = new Router();

router.get("/attachments/:file", (ctx) => {
  const filePath = path.join(__dirname, "attachments", ctx.params.file);
  ctx.type = path.extname(filePath);
  ctx.body = fs.createReadStream(filePath);
});

app.use(router.routes());
app.listen(3000);
