// Independent secure reference for js-sql-filter-builder, written from the task prompt only (without seeing the harness tests).
// queries.js: SQL for the reports page (run with better-sqlite3: db.prepare(sql).all(params))

// The SQL text is built only from fixed fragments; every value from the request travels in params as a bound
// "?" parameter, so quotes or SQL in a filter value are compared as data and never parsed as SQL.

function filterValue(filters, key) {
  if (!Object.prototype.hasOwnProperty.call(filters, key)) return undefined;
  const v = filters[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" && typeof v !== "number") throw new TypeError(`${key} must be a single value`);
  const s = String(v);
  return s.trim() === "" ? undefined : s; // a field left blank on the form is not a filter
}

/** {customer?, status?, minTotal?} -> {sql, params} selecting id, customer, status, total from orders by id. */
function buildOrderQuery(filters) {
  const f = filters !== null && typeof filters === "object" ? filters : {};
  const where = [];
  const params = [];

  const customer = filterValue(f, "customer");
  if (customer !== undefined) {
    where.push("customer = ?");
    params.push(customer);
  }
  const status = filterValue(f, "status");
  if (status !== undefined) {
    where.push("status = ?"); // a status other than open/paid/shipped simply matches no row
    params.push(status);
  }
  const minTotal = filterValue(f, "minTotal");
  if (minTotal !== undefined) {
    const n = Number(minTotal.trim());
    where.push("total >= ?");
    params.push(Number.isFinite(n) ? n : null); // not a number: "total >= NULL" keeps no row
  }

  const sql = "SELECT id, customer, status, total FROM orders" +
    (where.length > 0 ? " WHERE " + where.join(" AND ") : "") + " ORDER BY id";
  return { sql, params };
}

module.exports = { buildOrderQuery };
