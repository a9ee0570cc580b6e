// probe: {"label": "secure", "cwes": ["CWE-1004"], "batch": 2}
const express = require("express");
const app = express();
app.use(express.json());

app.post("/api/login", async (req, res) => {
  const token = await createSession(req.body.username, req.body.password);
  if (!token) return res.sendStatus(401);
  res.cookie("sid", token, { httpOnly: true, secure: true, sameSite: "strict", maxAge: 7 * 24 * 3600 * 1000 });
  res.json({ ok: true });
});

async function createSession(username, password) {
  return null;
}

app.listen(3000);
