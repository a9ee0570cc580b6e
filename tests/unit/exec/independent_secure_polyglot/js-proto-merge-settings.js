// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

function isPlainObject(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function deepMerge(target, source) {
  if (!isPlainObject(source)) return target;
  for (const key of Object.keys(source)) {
    if (FORBIDDEN.has(key)) continue;
    const value = source[key];
    const own = Object.prototype.hasOwnProperty.call(target, key);
    if (isPlainObject(value) && own && isPlainObject(target[key])) {
      deepMerge(target[key], value);
    } else if (isPlainObject(value)) {
      target[key] = deepMerge({}, value);
    } else {
      target[key] = value;
    }
  }
  return target;
}
module.exports = { deepMerge };
