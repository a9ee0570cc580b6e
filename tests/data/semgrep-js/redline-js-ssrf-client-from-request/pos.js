const express = require("express");
const axios = require("axios");

const app = express();
app.get("/preview", async (req, res) => {
  const target = req.query.url;
  const page = await axios.get(target);
  res.send(page.data);
});
app.listen(3000);
