// probe: {"label": "secure", "cwes": ["CWE-614"], "batch": 1}
const express = require("express");
const session = require("express-session");

const app = express();
app.set("trust proxy", 1);
app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true, sameSite: "lax", maxAge: 24 * 3600 * 1000 },
}));

app.get("/", (req, res) => {
  req.session.views = (req.session.views || 0) + 1;
  res.json({ views: req.session.views });
});

app.listen(3000);
