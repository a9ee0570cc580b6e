// probe: {"label": "vulnerable", "cwes": ["CWE-95"], "batch": 1}
const express = require("express");
const app = express();

const jobs = { cleanup: () => console.log("cleanup"), report: () => console.log("report") };
global.jobs = jobs;

app.post("/schedule", express.json(), (req, res) => {
  const { job, delay } = req.body;
  setTimeout("jobs." + job + "()", Number(delay) || 1000);
  res.status(202).json({ scheduled: job });
});

app.listen(3000);
