// queries.js: SQL for the reports page (run with better-sqlite3: db.prepare(sql).all(params))
function buildOrderQuery(filters) {
  const conditions = [];
  const params = {};
  if (filters.customer) {
    conditions.push(`customer = '${filters.customer}'`);
  }
  if (filters.status) {
    conditions.push("status = @status");
    params.status = filters.status;
  }
  if (filters.minTotal) {
    conditions.push("total >= @minTotal");
    params.minTotal = parseFloat(filters.minTotal);
  }
  let sql = "SELECT id, customer, status, total FROM orders";
  if (conditions.length > 0) sql += " WHERE " + conditions.join(" AND ");
  sql += " ORDER BY id";
  return { sql, params };
}

module.exports = { buildOrderQuery };
