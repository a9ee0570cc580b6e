const express = require("express");
const { expressjwt } = require("express-jwt");

const revoked = new Set();
const app = express();
app.use("/api", expressjwt({
  secret: process.env.JWT_KEY,
  algorithms: ["HS256"],
  isRevoked: async (req, token) => revoked.has(token.payload.jti),
}));
app.listen(3000);
