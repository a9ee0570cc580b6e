// errors.js: the API's error handler (registered last with app.use)

function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  const status = Number.isInteger(err && err.status) && err.status >= 400 && err.status < 600 ? err.status : 500;
  // client errors explain themselves; server errors get a reference the support team can look up
  const ref = Date.now().toString(36);
  if (status >= 500) console.error(`[${ref}]`, err && err.stack);
  const message = status < 500 ? String(err.message || "Request failed") : `Internal error (reference ${ref})`;
  res.status(status).json({ error: message });
}

module.exports = { errorHandler };
