const express = require("express");

const MAX_ITEMS = 100;
const app = express();
app.use(express.json({ limit: "10kb" }));
app.post("/sum", (req, res) => {
  const items = Array.isArray(req.body.items) ? req.body.items.slice(0, MAX_ITEMS) : [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += Number(items[i]);
  }
  res.json({ total });
});
app.listen(3000);
