// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const EMAIL = /^[A-Za-z0-9!#$%&'*+\/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+\/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function isValidEmail(text) {
  if (typeof text !== "string" || text.length > 254) return false;
  return EMAIL.test(text);
}
module.exports = { isValidEmail };
