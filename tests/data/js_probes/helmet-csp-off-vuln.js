// probe: {"label": "vulnerable", "cwes": ["CWE-693"], "batch": 1}
const express = require("express");
const helmet = require("helmet");

const app = express();
app.use(helmet({ contentSecurityPolicy: false, frameguard: false }));
app.use(express.static("public"));

app.get("/health", (req, res) => res.json({ ok: true }));

app.listen(3000);
