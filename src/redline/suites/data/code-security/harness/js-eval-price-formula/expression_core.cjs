"use strict";
// Core of the mathjs and expr-eval stand-ins written for redline's harness (neither package is installed in the
// sandbox): a parser for numbers, names looked up in the scope, + - * / % ^, unary signs and parentheses. It never
// evaluates text as code, as the real packages do not; an unknown name throws, with the package's own message.
function evaluateExpression(text, scope, unknown) {
  const src = String(text);
  const re = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/%^()]))/y;
  const tokens = [];
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new SyntaxError("Unexpected character at position " + pos);
    pos = re.lastIndex;
    tokens.push(m[1] !== undefined ? { n: Number(m[1]) } : m[2] !== undefined ? { name: m[2] } : { op: m[3] });
  }
  let i = 0;
  const peek = (op) => tokens[i] && tokens[i].op === op;
  function atom() {
    const t = tokens[i++];
    if (!t) throw new SyntaxError("Unexpected end of expression");
    if (t.n !== undefined) return t.n;
    if (t.name !== undefined) {
      if (!scope || !Object.prototype.hasOwnProperty.call(scope, t.name)) throw new Error(unknown(t.name));
      return Number(scope[t.name]);
    }
    if (t.op === "(") { const v = sum(); if (!peek(")")) throw new SyntaxError("Parenthesis ) expected"); i++; return v; }
    if (t.op === "-") return -power();
    if (t.op === "+") return +power();
    throw new SyntaxError("Unexpected operator " + t.op);
  }
  function power() { const b = atom(); if (peek("^")) { i++; return Math.pow(b, power()); } return b; }
  function product() {
    let v = power();
    while (peek("*") || peek("/") || peek("%")) {
      const op = tokens[i++].op; const r = power();
      v = op === "*" ? v * r : op === "/" ? v / r : v % r;
    }
    return v;
  }
  function sum() {
    let v = product();
    while (peek("+") || peek("-")) { const op = tokens[i++].op; const r = product(); v = op === "+" ? v + r : v - r; }
    return v;
  }
  const value = sum();
  if (i < tokens.length) throw new SyntaxError("Unexpected token at position " + i);
  return value;
}
