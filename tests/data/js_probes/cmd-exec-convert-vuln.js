// probe: {"label": "vulnerable", "cwes": ["CWE-78"], "batch": 1}
const express = require("express");
const { exec } = require("child_process");

const app = express();

app.get("/thumbnail", (req, res) => {
  const image = req.query.image;
  const size = req.query.size || "128x128";
  exec(`convert uploads/${image} -resize ${size} thumbs/${image}`, (error, stdout, stderr) => {
    if (error) {
      res.status(500).send("conversion failed");
      return;
    }
    res.sendStatus(201);
  });
});

app.listen(3000);
