const express = require("express");
const { checkPassword } = require("./auth");

const app = express();
app.use(express.urlencoded({ extended: false }));

function localPath(next) {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || /[\\\s]/.test(next)) {
    return "/dashboard";
  }
  const url = new URL(next, "http://local.invalid");
  return url.origin === "http://local.invalid" ? url.pathname + url.search + url.hash : "/dashboard";
}

app.post("/login", async (req, res, next) => {
  try {
    const { email, password } = req.body;
    if (!(await checkPassword(email, password))) return res.status(401).send("Wrong e-mail or password");
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = email;
      res.redirect(302, localPath(req.body.next));
    });
  } catch (err) {
    next(err);
  }
});

module.exports = app;
