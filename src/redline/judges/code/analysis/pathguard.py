"""A ``..`` rejection guard in front of a path built by string concatenation confines it to the base directory.

``if '../' in name: return`` followed by ``open(f'{BASE}/{name}')`` is safe: with ``..`` refused, the name can only
descend, and an absolute name is appended after ``BASE/`` (``BASE//etc/passwd`` stays inside). The same guard
does not confine ``os.path.join(BASE, name)`` or ``BASE / name`` (an absolute name replaces the base), so only
f-string, ``+`` and ``%`` joins qualify.
"""

from __future__ import annotations

import ast

from redline.judges.code.analysis.program import FuncNode, Program
from redline.judges.code.analysis.scope import resolve
from redline.judges.code.analysis.trees import walk


def _rejects_dotdot(node: ast.If) -> bool:
    test = node.test
    tests = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or) else [test]
    mentions = any(isinstance(t, ast.Compare) and isinstance(t.left, ast.Constant) and isinstance(t.left.value, str)
                   and ".." in t.left.value and any(isinstance(op, ast.In) for op in t.ops) for t in tests)
    if not mentions or not node.body:
        return False
    last = node.body[-1]
    return isinstance(last, (ast.Return, ast.Raise)) or (
        isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and isinstance(last.value.func, ast.Name)
        and last.value.func.id in ("abort", "exit"))


def dotdot_guarded(program: Program, func: FuncNode | None, path: ast.expr) -> bool:
    """True when ``func`` refuses names holding ``..`` and ``path`` is a string-concatenated join."""
    if func is None or not any(isinstance(n, ast.If) and _rejects_dotdot(n) for n in walk(func)):
        return False
    values = resolve(program, path)
    return bool(values) and all(
        isinstance(v, ast.JoinedStr) or (isinstance(v, ast.BinOp) and isinstance(v.op, (ast.Add, ast.Mod)))
        for v in values)
