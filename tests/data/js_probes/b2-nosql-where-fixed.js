// probe: {"label": "secure", "cwes": ["CWE-943"], "batch": 2}
const express = require("express");
const mongoose = require("mongoose");

const Ticket = mongoose.model("Ticket", new mongoose.Schema({ owner: String, title: String }));
const app = express();

app.get("/tickets", async (req, res) => {
  const owner = String(req.query.owner || "");
  const tickets = await Ticket.find({ owner: { $eq: owner } }).limit(50);
  res.json(tickets);
});

app.listen(3000);
