const express = require("express");

const app = express();
app.get("/out", (req, res) => {
  const next = req.query.next;
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) {
    return res.redirect("/");
  }
  return res.redirect(next);
});
app.listen(3000);

function koaLogout(ctx) {
  const target = ctx.query.returnTo;
  ctx.redirect(isLocalTarget(target) ? target : "/");
}
function isLocalTarget(t) {
  return typeof t === "string" && /^\/(?![\/\\])/.test(t);
}
