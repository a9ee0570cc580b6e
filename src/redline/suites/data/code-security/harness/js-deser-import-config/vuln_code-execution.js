const express = require("express");
const { saveSettings } = require("./settings");

const app = express();
app.use(express.text());
module.exports = app;

app.post("/admin/import", (req, res) => {
  let obj;
  try {
    // the export is a JavaScript object literal
    obj = new Function("return (" + req.body + ");")();
  } catch (e) {
    return res.status(400).json({ error: "Invalid settings format" });
  }
  if (!obj || typeof obj !== "object") return res.status(400).json({ error: "Invalid settings format" });
  saveSettings(obj);
  res.json({ ok: true });
});
