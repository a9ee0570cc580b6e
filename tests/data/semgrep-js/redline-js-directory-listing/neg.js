const express = require("express");
const serveStatic = require("serve-static");

const app = express();
app.use("/assets", serveStatic("public", { index: false }));
app.listen(8000);
