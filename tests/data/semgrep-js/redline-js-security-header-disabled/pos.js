const express = require("express");
const helmet = require("helmet");

const app = express();
app.use(helmet({ frameguard: false }));
app.get("/", (req, res) => {
  res.set("X-XSS-Protection", "0");
  res.send("ok");
});
app.listen(3000);
