// probe: {"label": "secure", "cwes": ["CWE-601"], "batch": 1}
const express = require("express");

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/login", async (req, res) => {
  const ok = await checkPassword(req.body.user, req.body.password);
  if (!ok) return res.status(401).send("no");
  let next = String(req.query.next || "/home");
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    next = "/home";
  }
  res.redirect(next);
});

async function checkPassword(user, password) {
  return false;
}

app.listen(3000);
