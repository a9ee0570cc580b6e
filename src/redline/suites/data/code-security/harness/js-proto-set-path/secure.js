// paths.js: set a nested config value by its dotted key path
const BLOCKED = new Set(["__proto__", "prototype", "constructor"]);

function setPath(obj, path, value) {
  const keys = String(path).split(".");
  if (keys.some((k) => k === "" || BLOCKED.has(k))) throw new Error("invalid path: " + path);
  let node = obj;
  for (const key of keys.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== "object") {
      node[key] = {};
    }
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
  return obj;
}

module.exports = { setPath };
