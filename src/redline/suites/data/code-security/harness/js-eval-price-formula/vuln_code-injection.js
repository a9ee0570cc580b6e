// pricing.js: pricing rules written by the shop's admins
function evaluateFormula(formula, vars) {
  const names = Object.keys(vars);
  const fn = new Function(...names, `"use strict"; return (${formula});`);
  const result = fn(...names.map((n) => vars[n]));
  if (typeof result !== "number" || Number.isNaN(result)) throw new Error("formula did not give a number");
  return result;
}

module.exports = { evaluateFormula };
