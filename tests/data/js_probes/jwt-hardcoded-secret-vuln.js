// probe: {"label": "vulnerable", "cwes": ["CWE-798"], "batch": 1}
const express = require("express");
const jwt = require("jsonwebtoken");

const app = express();
app.use(express.json());

const JWT_SECRET = "s3cr3t-k3y-for-tokens";

app.post("/token", async (req, res) => {
  const user = await authenticate(req.body.username, req.body.password);
  if (!user) return res.sendStatus(401);
  const token = jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: "1h" });
  res.json({ token });
});

async function authenticate(username, password) {
  return null;
}

app.listen(3000);
