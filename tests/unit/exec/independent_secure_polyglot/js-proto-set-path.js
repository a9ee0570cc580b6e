// Independent secure reference for js-proto-set-path, written from the task prompt only (without seeing the harness tests).
// paths.js: set a nested config value by its dotted key path

// Keys that reach an object's prototype chain (and through it every object): refused in any position.
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** setPath({}, "a.b.c", 1) -> {a: {b: {c: 1}}}; missing levels become plain objects; returns obj. */
function setPath(obj, path, value) {
  if (obj === null || (typeof obj !== "object" && typeof obj !== "function")) {
    throw new TypeError("obj must be an object");
  }
  if (typeof path !== "string" || path.length === 0) throw new TypeError("path must be a non-empty string");
  const keys = path.split(".");
  for (const key of keys) {
    if (key.length === 0) throw new Error(`empty segment in key path "${path}"`);
    if (FORBIDDEN.has(key)) throw new Error(`key "${key}" is not allowed in a key path`);
  }
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    // Descend only into the object's own properties; an inherited one (toString, ...) counts as missing.
    const own = Object.prototype.hasOwnProperty.call(cur, key);
    const next = own ? cur[key] : undefined;
    if (next === null || typeof next !== "object") {
      const created = {};
      cur[key] = created;
      cur = created;
    } else {
      cur = next;
    }
  }
  cur[keys[keys.length - 1]] = value;
  return obj;
}

module.exports = { setPath };
