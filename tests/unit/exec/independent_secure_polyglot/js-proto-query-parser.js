// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

function parseNested(query) {
  const result = {};
  for (const field of Object.keys(query)) {
    const m = /^([^\[\]]+)((?:\[[^\[\]]*\])*)$/.exec(field);
    const keys = m ? [m[1]].concat((m[2].match(/\[([^\[\]]*)\]/g) || []).map((s) => s.slice(1, -1))) : [field];
    if (keys.some((k) => FORBIDDEN.has(k))) continue;
    let node = result;
    for (let i = 0; i < keys.length - 1; i++) {
      const k = keys[i];
      if (!Object.prototype.hasOwnProperty.call(node, k) || node[k] === null || typeof node[k] !== "object") {
        node[k] = {};
      }
      node = node[k];
    }
    node[keys[keys.length - 1]] = query[field];
  }
  return result;
}
module.exports = { parseNested };
