"""Scopes and bindings: what each name in a function (or the module) may hold.

Flow-insensitive by design: every assignment, ``+=``, tuple unpacking, loop target, ``with`` target and
``list.append`` counts as a possible value. Checks use this to follow ``q = f"..."; cur.execute(q)``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from redline.judges.code.analysis.program import FuncNode, Program, const_int, walk_no_nested
from redline.judges.code.analysis.trees import unparse, walk

HANDLE_NAMES = frozenset({"self", "cls", "request", "req"})


@dataclass
class Scope:
    node: ast.AST
    parent: Scope | None
    params: set[str] = field(default_factory=set)
    trusted_params: set[str] = field(default_factory=set)  # framework-injected (Depends, self, db sessions)
    assigns: dict[str, list[ast.expr]] = field(default_factory=dict)
    loops: dict[str, list[ast.expr]] = field(default_factory=dict)  # loop / comprehension var -> iterable
    validated: set[str] = field(default_factory=set)  # names checked against an allow-list


def _bind(scope: Scope, target: ast.AST, value: ast.expr, *, loop: bool = False) -> None:
    table = scope.loops if loop else scope.assigns
    if isinstance(target, ast.Name):
        table.setdefault(target.id, []).append(value)
    elif isinstance(target, ast.Starred):
        _bind(scope, target.value, value, loop=loop)
    elif isinstance(target, (ast.Tuple, ast.List)):
        pairwise = isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not loop
        for k, elt in enumerate(target.elts):
            _bind(scope, elt, value.elts[k] if pairwise else value, loop=loop)  # type: ignore[attr-defined]


def _bind_loop(scope: Scope, target: ast.AST, iterable: ast.expr) -> None:
    """``for i, x in enumerate(xs)``: ``i`` is a counter, not an element of ``xs``."""
    if isinstance(target, ast.Tuple) and len(target.elts) == 2 and isinstance(iterable, ast.Call) and \
            isinstance(iterable.func, ast.Name) and iterable.func.id == "enumerate":
        _bind(scope, target.elts[0], ast.Call(func=ast.Name(id="range", ctx=ast.Load()), args=[], keywords=[]),
              loop=True)
        _bind(scope, target.elts[1], iterable.args[0] if iterable.args else iterable, loop=True)
        return
    _bind(scope, target, iterable, loop=True)


def _params(func: FuncNode | ast.Lambda) -> tuple[set[str], set[str]]:
    args = func.args
    every = args.posonlyargs + args.args + args.kwonlyargs
    extra = [a for a in (args.vararg, args.kwarg) if a is not None]
    defaults: dict[str, ast.expr] = {}
    positional = args.posonlyargs + args.args
    for a, d in zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=False):
        defaults[a.arg] = d
    for a, kd in zip(args.kwonlyargs, args.kw_defaults, strict=False):
        if kd is not None:
            defaults[a.arg] = kd
    params: set[str] = set()
    trusted: set[str] = set()
    for a in every + extra:
        default = defaults.get(a.arg)
        injected = isinstance(default, ast.Call) and isinstance(default.func, (ast.Name, ast.Attribute)) and \
            (getattr(default.func, "id", "") or getattr(default.func, "attr", "")) in ("Depends", "Security")
        annotation = unparse(a.annotation) if a.annotation is not None else ""
        if a.arg in HANDLE_NAMES or injected or annotation.split(".")[-1] in ("Session", "Connection", "Cursor",
                                                                              "AsyncSession", "Logger"):
            trusted.add(a.arg)
        else:
            params.add(a.arg)
    return params, trusted


def _collect_validated(scope: Scope, node: ast.AST) -> None:
    """Names tested against an allow-list (``x in ALLOWED``), a full regex match, or ``x.isalnum()``."""
    for sub in walk_no_nested(node):
        tests = [sub.test] if isinstance(sub, (ast.If, ast.While, ast.IfExp, ast.Assert)) else \
            list(sub.ifs) if isinstance(sub, ast.comprehension) else []
        for part in (p for test in tests for p in walk(test)):
            if isinstance(part, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in part.ops):
                left = part.left
                if isinstance(left, ast.Call) and isinstance(left.func, ast.Attribute) and \
                        left.func.attr in ("lower", "upper", "strip", "casefold"):
                    left = left.func.value  # if col.lower() not in ALLOWED
                if isinstance(left, ast.Name) and not isinstance(part.comparators[0], ast.Constant):
                    scope.validated.add(left.id)
            elif isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute):
                if part.func.attr in ("fullmatch", "match") and part.args:
                    subject = part.args[-1] if len(part.args) > 1 else part.args[0]
                    if isinstance(subject, ast.Name):
                        scope.validated.add(subject.id)
                elif part.func.attr in ("isalnum", "isidentifier", "isdigit", "isdecimal", "isnumeric") and \
                        isinstance(part.func.value, ast.Name):
                    scope.validated.add(part.func.value.id)
                elif part.func.attr in ("issubset", "issuperset") and part.args:  # set(cols).issubset(ALLOWED)
                    for side in (part.func.value, part.args[0]):
                        inner = side.args[0] if isinstance(side, ast.Call) and side.args else side
                        if isinstance(inner, ast.Name) and inner.id.islower():
                            scope.validated.add(inner.id)
            elif isinstance(part, ast.Call) and isinstance(part.func, ast.Name) and part.func.id == "all" and \
                    part.args and isinstance(part.args[0], ast.GeneratorExp):
                gen = part.args[0]  # all(c in ALLOWED for c in cols)
                elt = gen.elt
                if isinstance(elt, ast.Compare) and isinstance(elt.ops[0], ast.In) and gen.generators and \
                        isinstance(gen.generators[0].iter, ast.Name):
                    scope.validated.add(gen.generators[0].iter.id)


def build_scope(node: ast.AST, parent: Scope | None) -> Scope:
    scope = Scope(node=node, parent=parent)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        scope.params, scope.trusted_params = _params(node)
    for sub in walk_no_nested(node):
        if isinstance(sub, ast.Assign):
            for target in sub.targets:
                _bind(scope, target, sub.value)
        elif isinstance(sub, ast.AnnAssign) and sub.value is not None:
            _bind(scope, sub.target, sub.value)
        elif isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Name):
            _bind(scope, sub.target, ast.BinOp(left=ast.Name(id=sub.target.id, ctx=ast.Load()), op=sub.op,
                                               right=sub.value))
        elif isinstance(sub, ast.NamedExpr):
            _bind(scope, sub.target, sub.value)
        elif isinstance(sub, (ast.For, ast.AsyncFor, ast.comprehension)):
            _bind_loop(scope, sub.target, sub.iter)
        elif isinstance(sub, ast.Expr) and isinstance(sub.value, ast.Call) and \
                isinstance(sub.value.func, ast.Attribute) and isinstance(sub.value.func.value, ast.Name) and \
                sub.value.func.attr in ("append", "extend", "insert", "add", "appendleft") and sub.value.args:
            added = sub.value.args[-1]
            grown = added if sub.value.func.attr == "extend" else ast.List(elts=[added], ctx=ast.Load())
            scope.assigns.setdefault(sub.value.func.value.id, []).append(grown)
        elif isinstance(sub, (ast.With, ast.AsyncWith)):
            for item in sub.items:
                if item.optional_vars is not None:
                    _bind(scope, item.optional_vars, item.context_expr)
    _collect_validated(scope, node)
    return scope


def scope_of(program: Program, node: ast.AST) -> Scope:
    """The scope (function or module) that ``node`` is evaluated in, built once per program."""
    owner: ast.AST = program.tree
    for anc in [node, *program.ancestors(node)]:
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and anc is not node:
            owner = anc
            break
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef)) and anc is node:
            owner = anc
            break
    return _scope_for(program, owner)


def _scope_for(program: Program, owner: ast.AST) -> Scope:
    key = ("scope", id(owner))
    if key not in program.cache:
        parent = None
        if owner is not program.tree:
            outer: ast.AST = program.tree
            for anc in program.ancestors(owner):
                if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    outer = anc
                    break
            parent = _scope_for(program, outer)
        program.cache[key] = build_scope(owner, parent)
    scope: Scope = program.cache[key]
    return scope


def attribute_values(program: Program, attr: str) -> list[ast.expr]:
    """Values assigned to ``self.<attr>`` / ``cls.<attr>`` or to ``<attr>`` in a class body."""
    key = ("attr-values",)
    if key not in program.cache:
        table: dict[str, list[ast.expr]] = {}
        for node in walk(program.tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and \
                            target.value.id in ("self", "cls"):
                        table.setdefault(target.attr, []).append(node.value)
            elif isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign):
                        for target in stmt.targets:
                            if isinstance(target, ast.Name):
                                table.setdefault(target.id, []).append(stmt.value)
        program.cache[key] = table
    found: list[ast.expr] = program.cache[key].get(attr, [])
    return found


def resolve(program: Program, node: ast.expr, depth: int = 0) -> list[ast.expr]:
    """The expressions a name (or ``self.attr``) may hold; the node itself when not assigned in reach."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls") \
            and depth <= 5:
        values = attribute_values(program, node.attr)
        return [r for v in values for r in resolve(program, v, depth + 1)] if values else [node]
    if not isinstance(node, ast.Name) or depth > 5:
        return [node]
    scope: Scope | None = scope_of(program, node)
    while scope is not None:
        if node.id in scope.assigns:
            out: list[ast.expr] = []
            for value in scope.assigns[node.id]:
                if isinstance(value, ast.BinOp) and isinstance(value.left, ast.Name) and value.left.id == node.id:
                    out.append(value.right)
                else:
                    out.extend(resolve(program, value, depth + 1))
            return out
        if node.id in scope.params or node.id in scope.trusted_params:
            return [node]
        scope = scope.parent
    return [node]


def builds_string(node: ast.AST) -> bool:
    """An f-string, ``%``/``+`` on strings, or ``.format()``: a string assembled at run time."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def resolve_int(program: Program, node: ast.expr | None) -> int | None:
    """The first integer constant a name or expression may hold (``n = 2**14`` resolved through assignments)."""
    if node is None:
        return None
    for value in resolve(program, node):
        found = const_int(value)
        if found is not None:
            return found
    return None
