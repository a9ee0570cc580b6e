// expr-eval: new Parser().parse(expr).evaluate(vars), Parser.parse(expr).evaluate(vars), Parser.evaluate(expr, vars)
const undefinedVariable = (name) => "undefined variable: " + name;
class Expression {
  constructor(expr) { this.expr = String(expr); evaluateExpression(this.expr.replace(/[A-Za-z_]\w*/g, "0"), {}, undefinedVariable); }
  evaluate(vars) { return evaluateExpression(this.expr, vars || {}, undefinedVariable); }
  variables() { return [...new Set(this.expr.match(/[A-Za-z_]\w*/g) || [])]; }
  toString() { return this.expr; }
}
class Parser {
  parse(expr) { return new Expression(expr); }
  evaluate(expr, vars) { return new Expression(expr).evaluate(vars); }
  static parse(expr) { return new Expression(expr); }
  static evaluate(expr, vars) { return new Expression(expr).evaluate(vars); }
}
module.exports = { Parser, Expression };
