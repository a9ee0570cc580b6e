const express = require("express");

const app = express();
app.use(express.json());
app.post("/login", async (req, res) => {
  const user = await Users.findOne({ name: req.body.name, password: req.body.password });
  res.json({ ok: Boolean(user) });
});
app.listen(3000);
