function errorHandler(err, req, res, next) {
  console.error(err.stack);
  const status = err.status || 500;
  res.status(status).json({ error: status === 500 ? "internal error" : err.message });
}
module.exports = { errorHandler };
