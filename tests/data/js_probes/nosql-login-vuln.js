// probe: {"label": "vulnerable", "cwes": ["CWE-943"], "batch": 1}
const express = require("express");
const { MongoClient } = require("mongodb");

const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);

app.post("/login", async (req, res) => {
  const users = client.db("app").collection("users");
  const user = await users.findOne({ email: req.body.email, passwordHash: req.body.passwordHash });
  if (!user) {
    return res.status(401).send("invalid credentials");
  }
  res.json({ id: user._id, email: user.email });
});

app.listen(8080);
