"""Cached tree traversal for the checks: the same answers as ``ast.walk``, ``ast.iter_child_nodes`` and
``ast.unparse``, computed once per node.

About twenty checks each walk the whole program, and many walk the same function bodies again; on real
programs the stdlib walk (``iter_fields`` per node) was over a third of the judge's time. The results are
stored on the node itself (attributes outside ``_fields``, which ``ast.dump``/``ast.unparse`` ignore), so
they live exactly as long as the tree and never mix trees. Checks only read trees, so a cached result stays
true. Subtree lists are cached up to ``CACHE_NODES`` entries (a function, class or module always), which
bounds the memory a pathological answer can take.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

CACHE_NODES = 4096
_KIDS = "_redline_kids"
_WALK = "_redline_walk"
_FLAT = "_redline_flat"
_TEXT = "_redline_text"
_SCOPES = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def kids(node: ast.AST) -> list[ast.AST]:
    """``list(ast.iter_child_nodes(node))``, cached (callers must not change it)."""
    found: list[ast.AST] | None = node.__dict__.get(_KIDS)
    if found is None:
        found = list(ast.iter_child_nodes(node))
        setattr(node, _KIDS, found)
    return found


def child_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.iter_child_nodes``, cached."""
    return iter(kids(node))


def walk(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.walk`` (breadth-first, the same order), cached."""
    found: list[ast.AST] | None = node.__dict__.get(_WALK)
    if found is None:
        found = [node]
        i = 0
        while i < len(found):
            found.extend(kids(found[i]))
            i += 1
        if len(found) <= CACHE_NODES or isinstance(node, _SCOPES):
            setattr(node, _WALK, found)
    return iter(found)


def walk_no_nested(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.walk`` over a function body without descending into nested functions, lambdas or classes
    (depth-first from the last child, as it always was), cached."""
    found: list[ast.AST] | None = node.__dict__.get(_FLAT)
    if found is None:
        found = []
        stack = list(kids(node))
        while stack:
            sub = stack.pop()
            found.append(sub)
            if not isinstance(sub, _NESTED):
                stack.extend(kids(sub))
        if len(found) <= CACHE_NODES or isinstance(node, _SCOPES):
            setattr(node, _FLAT, found)
    return iter(found)


def unparse(node: ast.AST) -> str:
    """``ast.unparse``, cached (its errors are raised again on every call, as before)."""
    found: str | None = node.__dict__.get(_TEXT)
    if found is None:
        found = ast.unparse(node)
        setattr(node, _TEXT, found)
    return found
