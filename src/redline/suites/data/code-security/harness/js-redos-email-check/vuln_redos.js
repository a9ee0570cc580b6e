// validate.js: input checks for the signup form

function isValidEmail(text) {
  return /^([a-zA-Z0-9_%+-]+\.?)+@([a-zA-Z0-9-]+\.?)+\.[a-zA-Z]{2,}$/.test(text);
}

module.exports = { isValidEmail };
