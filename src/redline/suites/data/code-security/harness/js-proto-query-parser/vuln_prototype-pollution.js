// qs.js: nested objects from bracketed form field names

function parseNested(query) {
  const out = {};
  for (const key of Object.keys(query)) {
    const path = key.match(/[^[\]]+/g) || [];
    let cur = out;
    for (let i = 0; i < path.length - 1; i++) {
      if (typeof cur[path[i]] !== "object" || cur[path[i]] === null) cur[path[i]] = {};
      cur = cur[path[i]];
    }
    cur[path[path.length - 1]] = query[key];
  }
  return out;
}

module.exports = { parseNested };
