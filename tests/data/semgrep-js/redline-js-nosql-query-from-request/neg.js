const express = require("express");

const app = express();
app.use(express.json());
app.post("/login", async (req, res) => {
  const name = String(req.body.name);
  const user = await Users.findOne({ name: name });
  res.json({ ok: Boolean(user) });
});
app.listen(3000);
