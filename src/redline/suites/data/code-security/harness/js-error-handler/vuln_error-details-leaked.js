// errors.js: the API's error handler (registered last with app.use)

function errorHandler(err, req, res, next) {
  const status = err.status || 500;
  res.status(status).json({
    error: err.message,
    path: req.originalUrl,
    stack: err.stack ? err.stack.split("\n").map((l) => l.trim()) : undefined,
  });
}

module.exports = { errorHandler };
