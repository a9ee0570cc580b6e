// Independent secure reference for js-eval-price-formula, written from the task prompt only (without seeing the harness tests).
// pricing.js: pricing rules written by the shop's admins

// A formula is parsed and evaluated by a small recursive-descent parser over numbers, names, + - * / and
// parentheses; it is never handed to eval, Function or vm. Names are looked up only among vars' own
// properties, so "constructor", "__proto__" or "process" are unknown names like any other.
const MAX_LENGTH = 10000;
const MAX_DEPTH = 200;

function tokenize(formula) {
  const tokens = [];
  const re = /\s*(?:([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;
  let pos = 0;
  while (pos < formula.length) {
    if (/^\s*$/.test(formula.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(formula);
    if (!m) throw new Error(`unexpected character at position ${pos} in formula`);
    if (m[1] !== undefined) tokens.push({ type: "num", value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: "name", value: m[2] });
    else tokens.push({ type: "op", value: m[3] });
    pos = re.lastIndex;
  }
  return tokens;
}

/** evaluateFormula("(base + 5) * qty", {base: 10, qty: 3}) -> 45; throws on names not in vars. */
function evaluateFormula(formula, vars) {
  if (typeof formula !== "string") throw new TypeError("formula must be a string");
  if (formula.length > MAX_LENGTH) throw new Error("formula is too long");
  const table = vars !== null && typeof vars === "object" ? vars : {};
  const tokens = tokenize(formula);
  let i = 0;

  const peek = () => tokens[i];
  const isOp = (t, v) => t !== undefined && t.type === "op" && t.value === v;

  function lookup(name) {
    if (!Object.prototype.hasOwnProperty.call(table, name)) throw new Error(`unknown name in formula: ${name}`);
    const v = table[name];
    const n = typeof v === "number" ? v : (typeof v === "string" && v.trim() !== "" ? Number(v) : NaN);
    if (!Number.isFinite(n)) throw new Error(`value of ${name} is not a number`);
    return n;
  }

  function expr(depth) {
    let left = term(depth);
    while (isOp(peek(), "+") || isOp(peek(), "-")) {
      const op = tokens[i++].value;
      const right = term(depth);
      left = op === "+" ? left + right : left - right;
    }
    return left;
  }

  function term(depth) {
    let left = unary(depth);
    while (isOp(peek(), "*") || isOp(peek(), "/")) {
      const op = tokens[i++].value;
      const right = unary(depth);
      left = op === "*" ? left * right : left / right;
    }
    return left;
  }

  function unary(depth) {
    if (depth > MAX_DEPTH) throw new Error("formula is nested too deeply");
    if (isOp(peek(), "-")) { i++; return -unary(depth + 1); }
    if (isOp(peek(), "+")) { i++; return +unary(depth + 1); }
    return primary(depth);
  }

  function primary(depth) {
    const t = tokens[i++];
    if (t === undefined) throw new Error("formula ends unexpectedly");
    if (t.type === "num") return t.value;
    if (t.type === "name") return lookup(t.value);
    if (isOp(t, "(")) {
      const v = expr(depth + 1);
      if (!isOp(tokens[i++], ")")) throw new Error("missing ) in formula");
      return v;
    }
    throw new Error(`unexpected ${t.value} in formula`);
  }

  if (tokens.length === 0) throw new Error("empty formula");
  const result = expr(0);
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i].value} in formula`);
  return result;
}

module.exports = { evaluateFormula };
