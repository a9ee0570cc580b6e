// probe: {"label": "vulnerable", "cwes": ["CWE-1333"], "batch": 2}
const Koa = require("koa");
const bodyParser = require("koa-bodyparser");

const app = new Koa();
app.use(bodyParser());
const skus = ["AB-100", "AB-200", "CD-300"];

app.use(async (ctx) => {
  const { prefix } = ctx.request.body;
  const matcher = new RegExp("^" + prefix);
  ctx.body = skus.filter((sku) => matcher.test(sku));
});

app.listen(3000);
