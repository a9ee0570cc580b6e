// pricing.js: pricing rules written by the shop's admins (a small recursive-descent parser, no eval)
function tokenize(formula) {
  const tokens = [];
  const re = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;
  let pos = 0;
  const text = String(formula);
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new Error("unexpected character at " + pos);
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ type: "num", value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: "name", value: m[2] });
    else tokens.push({ type: "op", value: m[3] });
  }
  return tokens;
}

function evaluateFormula(formula, vars) {
  const tokens = tokenize(formula);
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  function primary() {
    const t = take();
    if (!t) throw new Error("unexpected end of formula");
    if (t.type === "num") return t.value;
    if (t.type === "name") {
      if (!Object.prototype.hasOwnProperty.call(vars, t.value)) throw new Error("unknown name: " + t.value);
      const v = Number(vars[t.value]);
      if (!Number.isFinite(v)) throw new Error("not a number: " + t.value);
      return v;
    }
    if (t.value === "(") {
      const v = sum();
      const close = take();
      if (!close || close.value !== ")") throw new Error("missing )");
      return v;
    }
    if (t.value === "-") return -primary();
    if (t.value === "+") return primary();
    throw new Error("unexpected " + t.value);
  }
  function product() {
    let v = primary();
    while (peek() && (peek().value === "*" || peek().value === "/")) {
      const op = take().value;
      const r = primary();
      v = op === "*" ? v * r : v / r;
    }
    return v;
  }
  function sum() {
    let v = product();
    while (peek() && (peek().value === "+" || peek().value === "-")) {
      const op = take().value;
      const r = product();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }
  const result = sum();
  if (i !== tokens.length) throw new Error("unexpected " + tokens[i].value);
  return result;
}

module.exports = { evaluateFormula };
