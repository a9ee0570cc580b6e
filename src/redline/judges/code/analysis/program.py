"""What every check needs from a parsed program: resolved import names, calls, routes, and a finding helper.

A ``Program`` is built once per analysed code string and shared by all checks; it only reads the tree.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from redline.judges.code.analysis.trees import kids, unparse, walk
from redline.judges.code.analysis.trees import walk_no_nested as walk_no_nested  # its old home, for importers
from redline.records import Finding

TOOL = "redline-checks"
FuncNode = ast.FunctionDef | ast.AsyncFunctionDef
HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class Route:
    """A web handler: its path (may be empty for Django-style views) and HTTP methods."""

    path: str
    methods: frozenset[str]
    framework: str  # flask / fastapi / django / unknown


class Program:
    """A parsed program plus indexes that checks query: aliases, parents, calls, functions, routes."""

    def __init__(self, code: str, tree: ast.Module, templates: tuple[str, ...] = (), context: str = "") -> None:
        self.code = code
        self.tree = tree
        self.templates = templates
        self.context = context  # the request the code answers (a suite task's prompt), when known
        self.aliases: dict[str, str] = {}
        self.parents: dict[int, ast.AST] = {}
        self.calls: list[ast.Call] = []
        self.functions: list[FuncNode] = []
        self.imported: set[str] = set()
        self.cache: dict[Any, Any] = {}  # per-program memo for derived facts (scopes, taint)
        self._call_names: dict[int, str] | None = None
        self._index()

    def _index(self) -> None:
        stack: list[ast.AST] = [self.tree]
        while stack:
            node = stack.pop()
            children = kids(node)
            for child in children:
                self.parents[id(child)] = node
            stack.extend(children)
            if isinstance(node, ast.Call):
                self.calls.append(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.append(node)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.imported.add(alias.name.split(".")[0])
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        self.aliases.setdefault(top, top)
            elif isinstance(node, ast.ImportFrom):
                module = (node.module or "").lstrip(".")
                if module:
                    self.imported.add(module.split(".")[0])
                for alias in node.names:
                    if alias.name != "*":
                        self.aliases[alias.asname or alias.name] = f"{module}.{alias.name}" if module else alias.name
        self.calls.sort(key=lambda c: (c.lineno, c.col_offset))
        self.functions.sort(key=lambda f: (f.lineno, f.col_offset))

    # -- names -----------------------------------------------------------------------------------------
    def dotted(self, node: ast.AST | None) -> str:
        """``hashlib.md5`` for ``h.md5`` after ``import hashlib as h``; calls in a chain show as ``f()``."""
        parts: list[str] = []
        depth = 0
        while node is not None and depth < 50:
            depth += 1
            if isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            elif isinstance(node, ast.Call):
                parts.append("()")
                node = node.func
            elif isinstance(node, ast.Subscript):
                parts.append("[]")
                node = node.value
            elif isinstance(node, ast.Name):
                parts.append(self.aliases.get(node.id, node.id))
                break
            else:
                return ""
        out = ""
        for part in reversed(parts):
            out = out + part if part in ("()", "[]") or not out else f"{out}.{part}"
        return out

    def call_name(self, call: ast.Call) -> str:
        """``dotted(call.func)``; worked out once per call of the tree (the checks ask ~400 times per program)."""
        names = self._call_names
        if names is None:  # keyed by id: the tree's calls live as long as the program, so no id is reused
            names = self._call_names = {id(c): self.dotted(c.func) for c in self.calls}
        found = names.get(id(call))
        return found if found is not None else self.dotted(call.func)

    def parent(self, node: ast.AST) -> ast.AST | None:
        return self.parents.get(id(node))

    def ancestors(self, node: ast.AST) -> Iterator[ast.AST]:
        current = self.parent(node)
        while current is not None:
            yield current
            current = self.parent(current)

    def enclosing_function(self, node: ast.AST) -> FuncNode | None:
        for anc in self.ancestors(node):
            if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return anc
        return None

    def function_named(self, name: str) -> FuncNode | None:
        for func in self.functions:
            if func.name == name:
                return func
        return None

    def uses_module(self, *names: str) -> bool:
        return any(n in self.imported for n in names)

    # -- web handlers ----------------------------------------------------------------------------------
    def route(self, func: FuncNode) -> Route | None:
        key = ("route", id(func))
        if key not in self.cache:
            self.cache[key] = self._route(func)
        result: Route | None = self.cache[key]
        return result

    def _route(self, func: FuncNode) -> Route | None:
        for dec in func.decorator_list:
            if not isinstance(dec, ast.Call) or not isinstance(dec.func, ast.Attribute):
                continue
            attr = dec.func.attr
            path = const_str(dec.args[0]) if dec.args else const_str(kwarg(dec, "path") or kwarg(dec, "rule"))
            if attr in ("route", "api_route", "add_url_rule"):
                methods = kwarg(dec, "methods")
                found = frozenset(s.upper() for s in const_strings(methods)) if methods is not None else frozenset()
                return Route(path or "", found or frozenset({"GET"}), "flask" if attr == "route" else "fastapi")
            if attr in HTTP_VERBS:
                framework = "fastapi" if "fastapi" in self.imported else "flask"
                return Route(path or "", frozenset({attr.upper()}), framework)
        args = func.args.posonlyargs + func.args.args
        if args and args[0].arg == "request" and ("django" in self.imported or "rest_framework" in self.imported):
            verbs = set(re.findall(r"""['"](POST|PUT|PATCH|DELETE|GET)['"]""", unparse(func)))
            return Route("", frozenset(verbs or {"GET"}), "django")
        return None

    def routes(self) -> list[tuple[FuncNode, Route]]:
        out = []
        for func in self.functions:
            r = self.route(func)
            if r is not None:
                out.append((func, r))
        return out


# -- small AST helpers -------------------------------------------------------------------------------------

def kwarg(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def arg(call: ast.Call, index: int, name: str | None = None) -> ast.expr | None:
    """Positional argument ``index`` or keyword ``name``."""
    if name is not None:
        found = kwarg(call, name)
        if found is not None:
            return found
    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return None


def const_str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
        value = node.value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    return None


def const_strings(node: ast.AST | None) -> list[str]:
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [s for s in (const_str(e) for e in node.elts) if s is not None]
    single = const_str(node)
    return [single] if single is not None else []


def const_int(node: ast.AST | None) -> int | None:
    """Integer value of a literal such as ``100_000``, ``0o777`` or ``2 ** 14`` (simple arithmetic only)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.BinOp):
        left, right = const_int(node.left), const_int(node.right)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Pow) and 0 <= right < 64:
            return int(left**right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.BitOr):
            return left | right
    return None


def is_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value in (False, 0, None) and node.value is not True


def identifiers(node: ast.AST) -> Iterator[str]:
    """Names, attribute names, keyword names and constant subscript keys inside ``node``, lower-cased."""
    for sub in walk(node):
        if isinstance(sub, ast.Name):
            yield sub.id.lower()
        elif isinstance(sub, ast.Attribute):
            yield sub.attr.lower()
        elif isinstance(sub, ast.Subscript):
            key = const_str(sub.slice)
            if key is not None:
                yield key.lower()
        elif isinstance(sub, ast.Call):
            for kw in sub.keywords:
                if kw.arg:
                    yield kw.arg.lower()
            if isinstance(sub.func, ast.Attribute) and sub.func.attr == "get" and sub.args:
                key = const_str(sub.args[0])
                if key is not None:
                    yield key.lower()


def target_name(node: ast.AST) -> str:
    """Lower-cased name an assignment target stands for: ``x``, ``self.x`` -> ``x``, ``d["k"]`` -> ``k``."""
    if isinstance(node, ast.Name):
        return node.id.lower()
    if isinstance(node, ast.Attribute):
        return node.attr.lower()
    if isinstance(node, ast.Subscript):
        return (const_str(node.slice) or "").lower()
    return ""


def words(name: str) -> list[str]:
    """``resetToken`` / ``reset_token`` -> ``["reset", "token"]``."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]


def decorator_names(func: FuncNode, program: Program) -> list[str]:
    out = []
    for dec in func.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        out.append(program.dotted(target).lower())
    return out


def source_segment(program: Program, node: ast.AST, limit: int = 120) -> str:
    try:
        text = unparse(node)
    except (ValueError, RecursionError, AttributeError):
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True)
class Check:
    """One per-task security check: an id from the catalogue, the CWEs it reports and its predicate."""

    id: str
    cwes: tuple[str, ...]
    title: str
    run: Callable[[Program], list[Finding]] = field(repr=False)


def finding(check_id: str, cwe: str, severity: str, node: ast.AST | None, message: str) -> Finding:
    line = getattr(node, "lineno", None) if node is not None else None
    return Finding(tool=TOOL, rule=check_id, cwe=cwe, severity=severity, line=line, message=message)
