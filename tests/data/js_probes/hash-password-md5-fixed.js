// probe: {"label": "secure", "cwes": ["CWE-916"], "batch": 1}
const express = require("express");
const crypto = require("crypto");
const util = require("util");
const db = require("./db");

const scrypt = util.promisify(crypto.scrypt);
const app = express();
app.use(express.json());

app.post("/register", async (req, res) => {
  const { username, password } = req.body;
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, 64);
  await db.users.insert({ username, password: `${salt.toString("hex")}:${key.toString("hex")}` });
  res.status(201).json({ username });
});

app.listen(3000);
