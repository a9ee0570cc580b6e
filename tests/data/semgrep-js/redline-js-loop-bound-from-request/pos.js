const express = require("express");

const app = express();
app.use(express.json());
app.post("/sum", (req, res) => {
  let total = 0;
  for (let i = 0; i < req.body.items.length; i++) {
    total += Number(req.body.items[i]);
  }
  res.json({ total });
});
app.listen(3000);
