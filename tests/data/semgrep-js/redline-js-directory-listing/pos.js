const express = require("express");
const serveIndex = require("serve-index");

const app = express();
app.use("/logs", serveIndex("/var/log/app", { icons: true }));
app.listen(8000);
