const express = require("express");
const { expressjwt } = require("express-jwt");

const app = express();
app.use("/api", expressjwt({ secret: process.env.JWT_KEY, algorithms: ["HS256"] }));
app.listen(3000);
