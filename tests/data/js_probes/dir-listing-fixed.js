// probe: {"label": "secure", "cwes": ["CWE-548"], "batch": 1}
const express = require("express");

const app = express();
const SHARE = "/srv/share";

app.use("/files", express.static(SHARE, { index: false, dotfiles: "ignore" }));

app.listen(8080, () => console.log("file share on :8080"));
