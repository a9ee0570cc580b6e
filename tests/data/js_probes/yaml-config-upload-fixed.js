// probe: {"label": "secure", "cwes": ["CWE-502"], "batch": 1}
const express = require("express");
const yaml = require("js-yaml");

const app = express();
app.use(express.text({ type: ["text/yaml", "application/x-yaml"] }));

app.post("/pipelines/validate", (req, res) => {
  let pipeline;
  try {
    pipeline = yaml.safeLoad(req.body, { schema: yaml.JSON_SCHEMA });
  } catch (e) {
    return res.status(400).json({ error: "invalid yaml" });
  }
  res.json({ steps: (pipeline.steps || []).length });
});

app.listen(3000);
