const express = require("express");

const app = express();
app.get("/out", (req, res) => {
  res.redirect(req.query.next);
});
app.listen(3000);

function koaLogout(ctx) {
  ctx.redirect(ctx.query.returnTo || "/");
}
