// probe: {"label": "vulnerable", "cwes": ["CWE-548"], "batch": 1}
const express = require("express");
const serveIndex = require("serve-index");

const app = express();
const SHARE = "/srv/share";

app.use("/files", express.static(SHARE), serveIndex(SHARE, { icons: true, hidden: true }));

app.listen(8080, () => console.log("file share on :8080"));
