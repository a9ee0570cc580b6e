// probe: {"label": "vulnerable", "cwes": ["CWE-916"], "batch": 1}
const express = require("express");
const crypto = require("crypto");
const db = require("./db");

const app = express();
app.use(express.json());

app.post("/register", async (req, res) => {
  const { username, password } = req.body;
  const hashed = crypto.createHash("md5").update(password).digest("hex");
  await db.users.insert({ username, password: hashed });
  res.status(201).json({ username });
});

app.listen(3000);
