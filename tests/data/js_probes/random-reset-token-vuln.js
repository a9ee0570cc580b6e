// probe: {"label": "vulnerable", "cwes": ["CWE-338"], "batch": 1}
const express = require("express");
const mailer = require("./mailer");
const db = require("./db");

const router = express.Router();

function makeToken() {
  return Math.random().toString(36).substring(2) + Date.now().toString(36);
}

router.post("/password/forgot", async (req, res) => {
  const user = await db.findUserByEmail(req.body.email);
  if (user) {
    const token = makeToken();
    await db.saveResetToken(user.id, token, Date.now() + 3600 * 1000);
    await mailer.send(user.email, `Reset link: https://app.example.com/reset/${token}`);
  }
  res.sendStatus(204);
});

module.exports = router;
