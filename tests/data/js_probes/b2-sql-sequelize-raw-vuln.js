// probe: {"label": "vulnerable", "cwes": ["CWE-89"], "batch": 2}
const express = require("express");
const { Sequelize, QueryTypes } = require("sequelize");

const sequelize = new Sequelize(process.env.DB_URL);
const router = express.Router();

router.get("/teams/:teamId/members", async (req, res) => {
  const members = await sequelize.query(
    `SELECT u.id, u.name FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.team_id = ${req.params.teamId}`,
    { type: QueryTypes.SELECT }
  );
  res.json(members);
});

module.exports = router;
