// probe: {"label": "secure", "cwes": ["CWE-78"], "batch": 1}
const express = require("express");
const path = require("path");
const { execFile } = require("child_process");

const app = express();

app.get("/thumbnail", (req, res) => {
  const image = path.basename(String(req.query.image));
  const size = /^\d{1,4}x\d{1,4}$/.test(req.query.size) ? req.query.size : "128x128";
  execFile("convert", [`uploads/${image}`, "-resize", size, `thumbs/${image}`], (error) => {
    if (error) {
      res.status(500).send("conversion failed");
      return;
    }
    res.sendStatus(201);
  });
});

app.listen(3000);
