// users.js: lookups on the users table (better-sqlite3)

function findUserByEmail(db, email) {
  const sql = `SELECT id, email, name, role FROM users WHERE email = '${email}'`;
  return db.prepare(sql).get();
}

module.exports = { findUserByEmail };
