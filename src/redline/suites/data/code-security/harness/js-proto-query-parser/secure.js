// qs.js: nested objects from bracketed form field names

const BLOCKED = new Set(["__proto__", "constructor", "prototype"]);

function parseNested(query) {
  const result = {};
  for (const [field, value] of Object.entries(query)) {
    const parts = field.replace(/\]/g, "").split("[");
    if (parts.some((p) => BLOCKED.has(p))) continue;
    let node = result;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
      } else {
        if (!Object.prototype.hasOwnProperty.call(node, part) || typeof node[part] !== "object") node[part] = {};
        node = node[part];
      }
    });
  }
  return result;
}

module.exports = { parseNested };
