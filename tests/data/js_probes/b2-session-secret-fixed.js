// probe: {"label": "secure", "cwes": ["CWE-798"], "batch": 2}
const express = require("express");
const session = require("express-session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");

const redis = createClient({ url: process.env.REDIS_URL });
redis.connect();

const app = express();
app.use(session({
  store: new RedisStore({ client: redis }),
  secret: process.env.SESSION_SECRETS.split(","),
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true },
}));

app.listen(3000);
