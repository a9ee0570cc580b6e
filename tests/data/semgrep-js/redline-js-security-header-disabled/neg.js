const express = require("express");
const helmet = require("helmet");

const app = express();
app.use(helmet({ frameguard: { action: "deny" } }));
app.get("/", (req, res) => {
  res.set("X-Content-Type-Options", "nosniff");
  res.send("ok");
});
app.listen(3000);
