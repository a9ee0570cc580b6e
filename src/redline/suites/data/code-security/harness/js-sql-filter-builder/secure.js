// queries.js: SQL for the reports page (run with better-sqlite3: db.prepare(sql).all(params))
const STATUSES = new Set(["open", "paid", "shipped"]);

function buildOrderQuery(filters) {
  const where = [];
  const params = [];
  const f = filters || {};
  if (typeof f.customer === "string" && f.customer !== "") {
    where.push("customer = ?");
    params.push(f.customer);
  }
  if (f.status !== undefined && f.status !== "") {
    if (!STATUSES.has(f.status)) throw new Error("unknown status: " + f.status);
    where.push("status = ?");
    params.push(f.status);
  }
  if (f.minTotal !== undefined && f.minTotal !== "") {
    const min = Number(f.minTotal);
    if (!Number.isFinite(min)) throw new Error("minTotal must be a number");
    where.push("total >= ?");
    params.push(min);
  }
  const sql = "SELECT id, customer, status, total FROM orders" +
    (where.length ? " WHERE " + where.join(" AND ") : "") + " ORDER BY id";
  return { sql, params };
}

module.exports = { buildOrderQuery };
