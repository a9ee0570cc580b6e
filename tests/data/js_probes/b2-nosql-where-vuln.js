// probe: {"label": "vulnerable", "cwes": ["CWE-943"], "batch": 2}
const express = require("express");
const mongoose = require("mongoose");

const Ticket = mongoose.model("Ticket", new mongoose.Schema({ owner: String, title: String }));
const app = express();

app.get("/tickets", async (req, res) => {
  const owner = req.query.owner;
  const tickets = await Ticket.find({ $where: `this.owner == '${owner}'` }).limit(50);
  res.json(tickets);
});

app.listen(3000);
