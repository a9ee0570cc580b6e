const Database = require("better-sqlite3");
const db = new Database("x.db");

function byName(name) {
  return db.prepare("SELECT * FROM products WHERE name LIKE '%" + name + "%'").all();
}

function byEmail(email) {
  return db.prepare(`SELECT * FROM users WHERE email = '${email}'`).get();
}

function sorted(col, dir) {
  const sql = `SELECT * FROM orders ORDER BY ${col} ${dir}`;
  return db.prepare(sql).all();
}

function findUserByEmail(db, email) {
  return db.prepare("SELECT * FROM users WHERE email = '" + email + "'").get();
}

function search(pool, term, sort) {
  return pool.query("SELECT id FROM items WHERE name LIKE '%" + term + "%' ORDER BY " + sort);
}
