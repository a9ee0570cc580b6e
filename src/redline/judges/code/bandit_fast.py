"""Bandit's own visitor, minus the bookkeeping on nodes no Bandit test looks at.

Bandit builds a fresh context, computes a line range and runs an (empty) test list for *every* AST node, but
its tests only inspect calls, imports, strings, function definitions, exception handlers and asserts; the
other ~80 % of nodes (names, loads, operators, arguments) cost about half of its time. ``FastVisitor`` still
walks every node and links each to its parent and sibling as Bandit does, and fully visits (context, tests,
namespace bookkeeping) every node whose type has a Bandit ``visit_`` method or registered tests; a skipped
node would have produced no test run and left no state its descendants read (each node's context is rebuilt
by ``pre_visit``). Recursion is one frame per tree level, as in Bandit. A file without the word ``nosec`` is
not tokenized (Bandit tokenizes only to find those comments). Used only with the Bandit version it
was written against (``VERSION``); any other runs Bandit unchanged.
"""

from __future__ import annotations

import ast
from typing import Any

VERSION = "1.9.4"


def manager_class(bandit_version: str) -> Any:
    """A ``BanditManager`` that visits with ``FastVisitor`` (the stock manager for other Bandit versions)."""
    from bandit.core import manager as b_manager

    if bandit_version != VERSION:
        return b_manager.BanditManager
    from bandit.core import node_visitor as b_node_visitor

    class FastVisitor(b_node_visitor.BanditNodeVisitor):  # type: ignore[misc]
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self._keep = frozenset(self.testset.tests) | {
                name[len("visit_"):] for name in dir(self) if name.startswith("visit_")}

        def generic_visit(self, node: ast.AST) -> None:
            keep = self._keep
            for _, value in ast.iter_fields(node):
                if isinstance(value, list):
                    max_idx = len(value) - 1
                    for idx, item in enumerate(value):
                        if isinstance(item, ast.AST):
                            item._bandit_sibling = value[idx + 1] if idx < max_idx else None  # type: ignore[attr-defined]
                            item._bandit_parent = node  # type: ignore[attr-defined]
                            if type(item).__name__ not in keep:
                                self.generic_visit(item)
                            elif self.pre_visit(item):
                                self.visit(item)
                                self.generic_visit(item)
                                self.post_visit(item)
                elif isinstance(value, ast.AST):
                    value._bandit_sibling = None  # type: ignore[attr-defined]
                    value._bandit_parent = node  # type: ignore[attr-defined]
                    if type(value).__name__ not in keep:
                        self.generic_visit(value)
                    elif self.pre_visit(value):
                        self.visit(value)
                        self.generic_visit(value)
                        self.post_visit(value)

    class FastManager(b_manager.BanditManager):  # type: ignore[misc]
        def _parse_file(self, fname: Any, fdata: Any, new_files_list: Any) -> Any:
            # Bandit tokenizes every file to map ``# nosec`` comments to lines; without the word there is none
            # (every comment maps to None, the same as no entry), so the tokenize pass is skipped
            self.ignore_nosec = b"nosec" not in fdata.read()
            fdata.seek(0)
            return super()._parse_file(fname, fdata, new_files_list)

        def _execute_ast_visitor(self, fname: Any, fdata: Any, data: Any, nosec_lines: Any) -> Any:
            res = FastVisitor(fname, fdata, self.b_ma, self.b_ts, self.debug, nosec_lines, self.metrics)
            score = res.process(data)
            self.results.extend(res.tester.results)
            return score

    return FastManager
