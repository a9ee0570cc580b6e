// probe: {"label": "secure", "cwes": ["CWE-502"], "batch": 1}
const express = require("express");
const cookieParser = require("cookie-parser");

const app = express();
app.use(cookieParser());

app.get("/prefs", (req, res) => {
  let prefs = { theme: "light" };
  if (req.cookies.prefs) {
    try {
      const parsed = JSON.parse(Buffer.from(req.cookies.prefs, "base64").toString());
      if (parsed && typeof parsed.theme === "string") prefs.theme = parsed.theme;
    } catch (e) {
      // keep the defaults
    }
  }
  res.json(prefs);
});

app.listen(3000);
