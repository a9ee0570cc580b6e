// users.js: lookups on the users table (better-sqlite3)

function findUserByEmail(db, email) {
  return db.prepare("SELECT id, email, name, role FROM users WHERE email = ?").get(String(email));
}

module.exports = { findUserByEmail };
