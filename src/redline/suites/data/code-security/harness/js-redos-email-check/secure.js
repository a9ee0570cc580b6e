// validate.js: input checks for the signup form

// Each part is a run of allowed characters, with single dots between runs: no quantified group can match the
// same text in two ways, so the check is linear in the input length.
const EMAIL = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function isValidEmail(text) {
  if (typeof text !== "string" || text.length > 254) return false;
  return EMAIL.test(text);
}

module.exports = { isValidEmail };
