"""Which costly Semgrep rules provably cannot match a program, so the batch config skips them for that file.

Twelve taint rules were over 90 % of Semgrep's time on real web programs, and Semgrep's own prefilter keeps a
taint rule whenever its *source* (``request``) appears. Each test below is a necessary condition for a rule's
*sink* to match (a taint finding is reported at a sink), read off the rule itself:

- ``redline-trust-boundary-session``: the sink's ``metavariable-regex`` needs the session expression's text to
  contain ``sess`` (any case), so the program text must;
- ``redline-pathlib-from-request``: a sink is ``$BASE / $PART`` (a ``/`` or ``//`` operator, augmented too) or a
  ``.joinpath`` call, whose name the text must hold;
- ``redline-header-injection``: a sink is a subscript assignment (a ``Subscript`` in store position) or a
  ``.headers`` method;
- ``redline-open-redirect-request`` and ``redline-xpath-injection``: a sink is a call of a named function; its
  name must appear as a ``Name`` or attribute somewhere in the program, or be renamed by ``import ... as``;
- ``redline-regex-from-request``: every sink is a function of the ``re`` module (``re.compile(...)``...), which
  Semgrep reaches through the name ``re`` (a ``Name``, or ``import re as x``) or a ``from re import``.

A rule whose text differs from the one these tests were written for (``DIGESTS``) is never skipped, and a test
fails until the table is revisited. Files without a parse tree are never filtered. Verdicts are unchanged: the
equality check in docs/code-judges.md compares every finding before and after.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from redline.judges.code.analysis.trees import walk

_SESS = re.compile(r"(?i)sess")
_DIVISION = (ast.Div, ast.FloorDiv)


def _names(tree: ast.AST) -> set[str]:
    """Identifiers a call can be reached through: names, attribute names, and the originals of renamed imports."""
    out: set[str] = set()
    for node in walk(tree):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.alias) and node.asname:
            out.update(node.name.split("."))
    return out


def _subscript_store(tree: ast.AST) -> bool:
    return any(isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) for n in walk(tree))


def _division(tree: ast.AST) -> bool:
    return any(isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, _DIVISION) for n in walk(tree))


def _from_re(tree: ast.AST) -> bool:
    return any(isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "re" for n in walk(tree))


_RE_WORD = re.compile(r"\bre\b")


def _mentions_re(code: str, tree: ast.AST, f: Facts) -> bool:
    """The ``re`` module is reachable. ASCII text without the word ``re`` holds no such name or import (a cheap
    answer for most files; non-ASCII text may spell an identifier in other code points, so it asks the tree)."""
    if code.isascii() and not _RE_WORD.search(code):
        return False
    return "re" in f["names"] or _from_re(tree)


class Facts(dict[str, Any]):
    """Facts about one tree, each worked out on first use (most files need none once rules are dropped)."""

    def __init__(self, tree: ast.AST) -> None:
        super().__init__()
        self.tree = tree

    def __missing__(self, key: str) -> Any:
        value = _FACTS[key](self.tree)
        self[key] = value
        return value


_FACTS: dict[str, Callable[[ast.AST], Any]] = {"names": _names}
NEEDS: dict[str, Callable[[str, ast.AST, Facts], bool]] = {
    "redline-trust-boundary-session": lambda code, tree, f: bool(_SESS.search(code)),
    "redline-pathlib-from-request": lambda code, tree, f: "joinpath" in code or _division(tree),
    "redline-header-injection": lambda code, tree, f: "headers" in code or _subscript_store(tree),
    "redline-open-redirect-request": lambda code, tree, f: bool(f["names"] & {"redirect", "HttpResponseRedirect"}),
    "redline-xpath-injection": lambda code, tree, f: bool(f["names"] & {
        "xpath", "XPath", "select", "iter_select", "findall", "find", "iterfind", "findtext"}),
    "redline-regex-from-request": _mentions_re,
}
# sha256 of each rule as written (canonical JSON of the YAML rule) when its test above was derived from it
DIGESTS = {
    "redline-trust-boundary-session": "3e3f98f8e17b2de9",
    "redline-pathlib-from-request": "89e004de250f7831",
    "redline-header-injection": "c2f2e8cd202f944b",
    "redline-open-redirect-request": "ac5b8b02ef781c3e",
    "redline-xpath-injection": "2a6b10c0229bd078",
    "redline-regex-from-request": "704030956eadd635",
}


def rule_digest(rule: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(rule, sort_keys=True).encode()).hexdigest()[:16]


def usable(rules: list[dict[str, Any]]) -> set[str]:
    """Ids of the prefiltered rules whose text is still the one their test was derived from (and no ``paths``)."""
    return {str(r["id"]) for r in rules
            if r.get("id") in NEEDS and "paths" not in r and DIGESTS.get(str(r["id"])) == rule_digest(r)}


def skipped(code: str, tree: ast.AST | None, rule_ids: set[str]) -> set[str]:
    """The rules among ``rule_ids`` that cannot match ``code`` (``tree`` is its parse; None: none skipped)."""
    if tree is None or not rule_ids:
        return set()
    facts = Facts(tree)
    return {rid for rid in rule_ids if not NEEDS[rid](code, tree, facts)}
