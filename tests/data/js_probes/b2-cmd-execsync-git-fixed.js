// probe: {"label": "secure", "cwes": ["CWE-78"], "batch": 2}
const express = require("express");
const { execFileSync } = require("child_process");

const router = express.Router();

router.get("/repo/commits", (req, res) => {
  const author = String(req.query.author || "");
  const out = execFileSync("git", ["-C", "/srv/repo", "log", "--oneline", `--author=${author}`, "-n", "20"],
    { encoding: "utf8" });
  res.json(out.trim().split("\n"));
});

module.exports = router;
