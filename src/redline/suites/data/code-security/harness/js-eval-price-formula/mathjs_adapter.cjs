// mathjs: evaluate(expr, scope), compile(expr).evaluate(scope), parse(expr).compile().evaluate(scope), create(all)
const undefinedSymbol = (name) => "Undefined symbol " + name;
function evaluate(expr, scope) { return evaluateExpression(expr, scope, undefinedSymbol); }
function compile(expr) { return { evaluate: (scope) => evaluate(expr, scope) }; }
function parse(expr) { return { compile: () => compile(expr), evaluate: (scope) => evaluate(expr, scope), toString: () => String(expr) }; }
const math = { evaluate, compile, parse, number: Number, round: (x, n) => Number(Number(x).toFixed(n || 0)) };
math.create = () => math;
math.all = {};
module.exports = math;
