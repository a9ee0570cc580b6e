"""Small AST facts shared by the robustness, numeric, concurrency and resource checks.

These checks judge coding-standard weaknesses (exception handling, conversions, locking, cleanup) whose
evidence is local: a function's parameters, the ``try`` blocks around a call, the functions a thread runs.
Their findings are rated low and count only when a task asks about their weakness (``ASKED_ONLY``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from redline.judges.code.analysis.program import FuncNode, Program
from redline.judges.code.analysis.trees import walk, walk_no_nested

IO_ERRORS = frozenset({"OSError", "IOError", "FileNotFoundError", "PermissionError", "IsADirectoryError",
                       "NotADirectoryError", "FileExistsError", "EnvironmentError", "Exception", "BaseException"})


def params(func: FuncNode) -> list[str]:
    a = func.args
    names = [x.arg for x in (*a.posonlyargs, *a.args, *a.kwonlyargs)]
    return [n for n in names if n not in ("self", "cls")]


def handler_types(program: Program, handler: ast.ExceptHandler) -> set[str]:
    """Names of the exception classes a handler catches (a bare ``except:`` catches ``BaseException``)."""
    if handler.type is None:
        return {"BaseException"}
    elts = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {program.dotted(e).split(".")[-1] for e in elts}


def guarded_by(program: Program, node: ast.AST, caught: frozenset[str]) -> bool:
    """``node`` sits in the body of a ``try`` (or ``with suppress``) that catches one of ``caught``."""
    child: ast.AST = node
    for anc in program.ancestors(node):
        if isinstance(anc, ast.Try) and any(child is s for s in anc.body):
            if any(handler_types(program, h) & caught for h in anc.handlers):
                return True
        if isinstance(anc, (ast.With, ast.AsyncWith)):
            for item in anc.items:
                ctx = item.context_expr
                if isinstance(ctx, ast.Call) and program.call_name(ctx).endswith("suppress") and \
                        {program.dotted(a).split(".")[-1] for a in ctx.args} & caught:
                    return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
        child = anc
    return False


def body_nodes(func: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function body, nested functions and classes excluded (cached on the node)."""
    return walk_no_nested(func)


def derived_names(func: FuncNode, seeds: set[str]) -> set[str]:
    """``seeds`` plus the local names assigned from an expression that mentions one of them (two passes)."""
    key = "_redline_derived"
    memo: dict[frozenset[str], set[str]] = func.__dict__.setdefault(key, {})
    frozen = frozenset(seeds)
    if frozen in memo:
        return memo[frozen]
    out = set(seeds)
    assigns = [n for n in body_nodes(func) if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None]
    for _ in range(2 if assigns else 0):
        for node in assigns:
            value = node.value
            assert value is not None
            if names_in(value) & out:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                out |= {t.id for t in targets if isinstance(t, ast.Name)}
    memo[frozen] = out
    return out


def names_in(node: ast.AST) -> set[str]:
    return {n.id for n in walk(node) if isinstance(n, ast.Name)}


def callee_name(call: ast.Call) -> str:
    """The called function's own name: ``f`` for ``f()``, ``m`` for ``obj.m()``."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def methods_named(program: Program, name: str) -> list[FuncNode]:
    by_name: dict[str, list[FuncNode]] | None = program.cache.get("robust:functions")
    if by_name is None:
        by_name = {}
        for f in program.functions:
            by_name.setdefault(f.name, []).append(f)
        program.cache["robust:functions"] = by_name
    return by_name.get(name, [])


def calls_to(program: Program, name: str) -> list[ast.Call]:
    """Calls whose callee's own name is ``name`` (``f(...)`` or ``obj.f(...)``), indexed once per program."""
    by_name: dict[str, list[ast.Call]] | None = program.cache.get("robust:calls")
    if by_name is None:
        by_name = {}
        for c in program.calls:
            by_name.setdefault(callee_name(c), []).append(c)
        program.cache["robust:calls"] = by_name
    return by_name.get(name, [])


TASK_HINTS = ("Thread", "submit", "Executor", "Pool", "Timer", "run_in_executor")


def task_functions(program: Program) -> list[tuple[ast.Call, FuncNode]]:
    """Functions the program runs on other threads: ``Thread(target=f)``, ``executor.submit(f)``/``map(f)``."""
    cached: list[tuple[ast.Call, FuncNode]] | None = program.cache.get("robust:tasks")
    if cached is not None:
        return cached
    out: list[tuple[ast.Call, FuncNode]] = []
    program.cache["robust:tasks"] = out
    if not any(h in program.code for h in TASK_HINTS):
        return out
    for call in program.calls:
        name = program.call_name(call)
        target: ast.expr | None = None
        if name.split(".")[-1] == "Thread" or name.endswith("threading.Timer"):
            target = next((k.value for k in call.keywords if k.arg == "target"), None)
            if target is None and name.endswith("Timer") and len(call.args) >= 2:
                target = call.args[1]
        elif isinstance(call.func, ast.Attribute) and call.func.attr in ("submit", "map", "apply_async",
                                                                           "run_in_executor") and call.args:
            target = call.args[1] if call.func.attr == "run_in_executor" and len(call.args) > 1 else call.args[0]
        if target is None:
            continue
        for leaf in _target_names(program, call, target):
            out.extend((call, f) for f in methods_named(program, leaf))
    return out


def _target_names(program: Program, call: ast.Call, target: ast.expr) -> list[str]:
    """Function names a task target stands for; a wrapper's parameter stands for what its callers pass."""
    leaf = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else ""
    func = program.enclosing_function(call)
    if not isinstance(target, ast.Name) or func is None or leaf not in [a.arg for a in func.args.args]:
        return [leaf] if leaf else []
    index = [a.arg for a in func.args.args].index(leaf)
    index -= 1 if func.args.args[0].arg in ("self", "cls") else 0
    out = []
    for outer in calls_to(program, func.name):
        if 0 <= index < len(outer.args):
            passed = outer.args[index]
            name = passed.id if isinstance(passed, ast.Name) else passed.attr if isinstance(passed, ast.Attribute) \
                else ""
            if name:
                out.append(name)
    return out


def in_loop(program: Program, node: ast.AST) -> bool:
    for anc in program.ancestors(node):
        if isinstance(anc, (ast.For, ast.While, ast.AsyncFor, ast.comprehension, ast.ListComp)):
            return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return False
    return False


def is_test_code(program: Program) -> bool:
    return program.uses_module("pytest", "unittest", "hypothesis")
