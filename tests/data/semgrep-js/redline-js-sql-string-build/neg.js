const Database = require("better-sqlite3");
const db = new Database("x.db");

function byName(name) {
  return db.prepare("SELECT * FROM products WHERE name LIKE ?").all(`%${name}%`);
}

function byEmail(email) {
  return db.prepare("SELECT * FROM users WHERE email = ?").get(email);
}

function all() {
  const sql = "SELECT id, name " + "FROM products";
  return db.prepare(sql).all();
}

const SORTS = new Set(["name", "price"]);
function search(pool, term, wanted) {
  const sort = SORTS.has(wanted) ? wanted : "name";
  return pool.query(`SELECT id FROM items WHERE name LIKE $1 ORDER BY ${sort}`, [term]);
}
