// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const crypto = require("crypto");

function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  let status = Number(err && (err.status || err.statusCode));
  if (!Number.isInteger(status) || status < 400 || status > 599) status = 500;
  const id = crypto.randomBytes(8).toString("hex");
  // Details (stack, SQL, paths) stay in the server log; clients get a safe message and an id to quote.
  console.error("[" + id + "]", err && err.stack ? err.stack : err);
  const expose = status < 500 && err && (err.expose === undefined || err.expose) && typeof err.message === "string";
  const message = expose ? err.message : "Internal server error";
  res.status(status).json({ error: message, requestId: id });
}
module.exports = { errorHandler };
