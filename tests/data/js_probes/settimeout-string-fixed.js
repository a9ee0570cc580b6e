// probe: {"label": "secure", "cwes": ["CWE-95"], "batch": 1}
const express = require("express");
const app = express();

const jobs = { cleanup: () => console.log("cleanup"), report: () => console.log("report") };

app.post("/schedule", express.json(), (req, res) => {
  const { job, delay } = req.body;
  if (!Object.prototype.hasOwnProperty.call(jobs, job)) {
    return res.status(400).json({ error: "unknown job" });
  }
  setTimeout(jobs[job], Math.min(Number(delay) || 1000, 60000));
  res.status(202).json({ scheduled: job });
});

app.listen(3000);
