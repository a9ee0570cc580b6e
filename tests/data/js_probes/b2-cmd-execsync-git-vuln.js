// probe: {"label": "vulnerable", "cwes": ["CWE-78"], "batch": 2}
const express = require("express");
const { execSync } = require("child_process");

const router = express.Router();

router.get("/repo/commits", (req, res) => {
  const author = req.query.author;
  const out = execSync(`git -C /srv/repo log --oneline --author="${author}" -n 20`, { encoding: "utf8" });
  res.json(out.trim().split("\n"));
});

module.exports = router;
