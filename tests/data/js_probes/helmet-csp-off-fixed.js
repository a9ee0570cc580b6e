// probe: {"label": "secure", "cwes": ["CWE-693"], "batch": 1}
const express = require("express");
const helmet = require("helmet");

const app = express();
app.use(helmet({
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"] } },
  frameguard: { action: "deny" },
}));
app.use(express.static("public"));

app.get("/health", (req, res) => res.json({ ok: true }));

app.listen(3000);
