// Independent secure reference, written from the task prompt only (without seeing the harness tests).
function findUserByEmail(db, email) {
  if (typeof email !== "string") return undefined;
  return db.prepare("SELECT id, email, name, role FROM users WHERE email = ?").get(email);
}
module.exports = { findUserByEmail };
