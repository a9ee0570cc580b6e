"""Text checks for what a Semgrep pattern cannot see: prototype pollution, nested quantifiers, C path joins."""

from __future__ import annotations

from redline.judges.code.polyglot.checks import c_path_traversal, js_prototype_pollution, js_redos, run_checks

MERGE = """function deepMerge(target, source) {
  for (const key in source) {
    if (typeof source[key] === "object" && source[key] !== null && !Array.isArray(source[key])) {
      if (!target[key]) target[key] = {};
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}
"""
GUARDED = MERGE.replace("  for (const key in source) {\n",
                        "  for (const key in source) {\n"
                        "    if (key === \"__proto__\" || key === \"constructor\") continue;\n")
NESTED = """function parseNested(query) {
  const out = {};
  Object.keys(query).forEach((name) => {
    const parts = name.split(/[\\[\\]]+/).filter(Boolean);
    let node = out;
    parts.slice(0, -1).forEach((p) => { node = node[p] = node[p] || {}; });
    node[parts[parts.length - 1]] = query[name];
  });
  return out;
}
"""


def test_prototype_pollution() -> None:
    (hit,) = js_prototype_pollution(MERGE)
    assert hit.cwe == "CWE-1321" and hit.line == 4
    assert js_prototype_pollution(GUARDED) == []
    assert js_prototype_pollution("const o = Object.create(null);\nfor (const k in src) o[k] = src[k];\n") == []
    assert js_prototype_pollution(NESTED)  # path parts from bracketed names: user[__proto__][x]
    assert js_prototype_pollution("for (const row of rows) {\n  total += row.n;\n}\n") == []


SET_PATH = ("function setPath(obj, dotted, value) {\n  const keys = dotted.split(\".\");\n  let node = obj;\n"
            "  for (let i = 0; i < keys.length - 1; i++) {\n    node[keys[i]] = node[keys[i]] || {};\n"
            "    node = node[keys[i]];\n  }\n  node[keys[keys.length - 1]] = value;\n}\n")


def test_prototype_pollution_by_split_path() -> None:
    (hit,) = js_prototype_pollution(SET_PATH)
    assert hit.cwe == "CWE-1321" and hit.line == 5
    guarded = SET_PATH.replace("  let node", "  if (keys.includes(\"__proto__\")) return;\n  let node")
    assert js_prototype_pollution(guarded) == []
    read_only = "const parts = dotted.split(\".\");\nlet v = obj;\nfor (const p of parts) v = v && v[p];\n"
    assert js_prototype_pollution(read_only) == []


def test_redos_nested_quantifier() -> None:
    bad = "const RE = /^([a-zA-Z0-9_.-]+)+@([a-z0-9-]+\\.)+[a-z]{2,}$/;\n"
    good = "const RE = /^[^\\s@]{1,64}@[^\\s@]{1,255}$/;\n"
    assert js_redos(bad) and js_redos(bad)[0].cwe == "CWE-1333"
    assert js_redos(good) == []
    assert js_redos("const half = a / b / c;\n") == []


def test_c_path_join_without_checks() -> None:
    bad = ('long send_file(const char *base_dir, const char *name, int out_fd) {\n  char path[4096];\n'
           '  snprintf(path, sizeof path, "%s/%s", base_dir, name);\n  int fd = open(path, O_RDONLY);\n'
           '  return fd;\n}\n')
    good = bad.replace('  char path[4096];\n', '  char path[4096];\n  if (strstr(name, "..") || strchr(name, \'/\')) '
                                                'return -1;\n')
    (hit,) = c_path_traversal(bad)
    assert hit.cwe == "CWE-22" and hit.line == 3
    assert c_path_traversal(good) == []
    assert run_checks(bad, "c") and run_checks(bad, "javascript") == []
