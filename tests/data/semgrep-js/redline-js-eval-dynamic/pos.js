function importSettings(body) {
  return eval("(" + body + ")");
}

function compile(expr) {
  return new Function("return " + expr)();
}

const vm = require("vm");
function run(text) {
  return vm.runInNewContext(text, {});
}
