// probe: {"label": "vulnerable", "cwes": ["CWE-601"], "batch": 1}
const express = require("express");
const session = require("express-session");

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/login", async (req, res) => {
  const ok = await checkPassword(req.body.user, req.body.password);
  if (!ok) return res.status(401).send("no");
  const next = req.query.next || "/home";
  res.redirect(next);
});

async function checkPassword(user, password) {
  return false;
}

app.listen(3000);
