"""Runs the flow-sensitive taint engine once per program and answers the checks' question for one sink.

``taint_result(program)`` interprets the module body, then every function whose callers are unknown (routes,
callbacks, functions never called here, methods) as an entry point: route parameters are outside input, other
parameters unknown (``PARAM``). Functions called in the program are interpreted at their call sites instead, so
a helper only ever called with a constant stays clean. ``verdict(node, sink)`` is then ``tainted`` (outside
input reaches the sink on some feasible path), ``param`` (only a caller's value does), ``clean`` (nothing
unsanitised reaches it, or it is dead code) or ``unknown`` (the engine gave up or did not see the sink).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from redline.judges.code.analysis import absval as av
from redline.judges.code.analysis import calls
from redline.judges.code.analysis.absval import PARAM, SRC, Val
from redline.judges.code.analysis.flow import Taint, _safe_annotation, call_sites
from redline.judges.code.analysis.interp import Budget, Interp
from redline.judges.code.analysis.program import Program, finding, walk_no_nested
from redline.judges.code.analysis.taintspec import TaintSpec
from redline.records import Finding

REQUEST_PARAMS = frozenset({"request", "req"})  # a handler's request object: its fields are judged as sources
REQUEST = Val(taint=SRC, kind="request")
TAINTED, FROM_CALLER, CLEAN, UNKNOWN = "tainted", "param", "clean", "unknown"


@dataclass
class TaintResult:
    """The taint reaching each sink the engine saw, and the lines it interpreted."""

    ok: bool
    hits: dict[tuple[int, str], int] = field(default_factory=dict)
    nodes: dict[int, ast.AST] = field(default_factory=dict)
    reached: set[int] = field(default_factory=set)
    incomplete: bool = False

    def verdict(self, node: ast.AST, sink: str) -> str:
        if not self.ok:
            return UNKNOWN
        bits = self.hits.get((id(node), sink))
        if bits is None:
            line = getattr(node, "lineno", None)
            dead = line is not None and not self.incomplete and not any(
                ln in self.reached for ln in range(line, (getattr(node, "end_lineno", None) or line) + 1))
            return CLEAN if dead else UNKNOWN
        return TAINTED if bits & SRC else FROM_CALLER if bits & PARAM else CLEAN

    def flows(self, sink: str) -> list[tuple[ast.AST, str]]:
        """Every sink of this class the engine reached, with its verdict, in source order."""
        out = [(self.nodes[nid], self.verdict(self.nodes[nid], sink)) for (nid, cls) in self.hits if cls == sink]
        return sorted(out, key=lambda p: (getattr(p[0], "lineno", 0), getattr(p[0], "col_offset", 0)))

    def line_verdict(self, line: int, sink: str) -> str:
        """The worst verdict of this class's sinks on ``line`` (``clean`` for a dead line, else ``unknown``)."""
        if not self.ok:
            return UNKNOWN
        found = [self.verdict(self.nodes[nid], sink) for (nid, cls) in self.hits if cls == sink and
                 getattr(self.nodes[nid], "lineno", None) == line]
        for level in (TAINTED, FROM_CALLER, CLEAN):
            if level in found:
                return level
        return CLEAN if line not in self.reached and not self.incomplete and self.reached else UNKNOWN


def _entry_args(program: Program, func: ast.FunctionDef | ast.AsyncFunctionDef, route: bool,
                self_val: Val | None) -> list[Val]:
    params = [*func.args.posonlyargs, *func.args.args]
    if self_val is not None:
        params = params[1:]
    bits = SRC if route else PARAM
    # a type annotation is enforced only where a framework converts the value (a route parameter)
    return [REQUEST if route and p.arg in REQUEST_PARAMS else av.CLEAN if route and _safe_annotation(func, p.arg)
            else Val(taint=bits) for p in params]


def _closure(it: Interp, program: Program, func: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, Val]:
    """What a nested function sees of its enclosing functions: their functions and classes as themselves, their
    other names as unknown values (the enclosing call's state is not known here)."""
    out: dict[str, Val] = {}
    for outer in reversed([a for a in program.ancestors(func) if isinstance(a, (ast.FunctionDef,
                                                                                ast.AsyncFunctionDef))]):
        for p in [*outer.args.posonlyargs, *outer.args.args, *outer.args.kwonlyargs]:
            out[p.arg] = av.UNKNOWN_PARAM
        for node in walk_no_nested(outer):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                out[node.id] = av.UNKNOWN_PARAM
        for node in outer.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                out[node.name] = it.bind_def(node)
    return out


def _entry_order(program: Program, classes: dict[int, ast.ClassDef],
                 top: set[int]) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Entry points: functions whose callers are unknown, and every public module-level function and method
    (another module may call it with anything); a function called here is also interpreted at each call."""
    out = []
    app = _is_application(program)
    for func in program.functions:
        public = (id(func) in top or id(func) in classes) and (not func.name.startswith("_") or
                                                               func.name.startswith("__"))
        sites = call_sites(program, func)
        if sites is None or public and not (app and id(func) in top and program.route(func) is None):
            out.append(func)
    return out


def _is_application(program: Program) -> bool:
    """A web app (it has routes): its module-level helpers serve its handlers, so a helper it calls is reached
    through those callers. (A ``__main__`` demo block says nothing: such a module is often a library.)"""
    return any(True for _ in program.routes())


def analyse(program: Program, *, strict: bool = False, propagate: bool = True) -> TaintResult:
    """Interpret ``program``; odd code gives an ``ok=False`` result (``strict`` re-raises, for tests)."""
    taint = Taint(program, untrusted=False)
    route_flag = [False]
    route_path = [""]
    spec = TaintSpec(taint, route_flag, route_path)
    spec.propagate = propagate  # False: unknown calls return clean values (a lower bound, for comparisons)
    it = Interp(program, spec)
    try:
        it.globals = {node.name: it.bind_def(node) for node in program.tree.body
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        it.globals.update(it.block(list(program.tree.body), {}) or {})
        classes = {id(s): node for node in ast.walk(program.tree) if isinstance(node, ast.ClassDef)
                   for s in node.body}
        top = {id(node) for node in program.tree.body}
        for func in _entry_order(program, classes, top):
            owner = classes.get(id(func))
            route = program.route(func)
            route_flag[0] = route is not None
            route_path[0] = route.path if route is not None and route.path.startswith("/") and \
                not any(c in route.path for c in "<{:*") else ""
            self_val = None
            if owner is not None and func.args.args and func.args.args[0].arg in ("self", "cls"):
                self_val = Val(kind="obj", keys=(), ref=str(id(owner)))
                it.bind_def(owner)
            kwonly = {p.arg: (av.CLEAN if route_flag[0] and _safe_annotation(func, p.arg) else
                              Val(taint=SRC if route_flag[0] else PARAM)) for p in func.args.kwonlyargs}
            it.closure = _closure(it, program, func)
            calls.run_function(it, func, _entry_args(program, func, route_flag[0], self_val), kwonly, self_val)
            it.frames.clear()
            it.stack.clear()
        for func in program.functions:  # called only where the engine could not follow: judge it on its own
            if id(func) not in it.ran:
                it.closure = _closure(it, program, func)
                route_flag[0] = False
                calls.run_function(it, func, _entry_args(program, func, False, None), {}, None)
                it.frames.clear()
                it.stack.clear()
    except (Budget, RecursionError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        if strict:
            raise
        return TaintResult(ok=False)
    return TaintResult(ok=True, hits=it.hits, nodes=it.sink_nodes, reached=it.reached, incomplete=it.incomplete)


def taint_result(program: Program) -> TaintResult:
    """The engine's result for ``program``, computed once and shared by every check."""
    key = ("taint-engine",)
    if key not in program.cache:
        program.cache[key] = analyse(program)
    result: TaintResult = program.cache[key]
    return result


def settle(program: Program, findings: list[Finding], *, check_id: str, cwe: str, sink: str, what: str,
           add: Callable[[ast.AST], bool] | None = None, add_param: str | None = None) -> list[Finding]:
    """Let the engine decide a check's ``cwe`` findings for one sink class.

    A finding on a sink that no outside input reaches on any feasible path (or on dead code) becomes low; one
    that outside input reaches becomes high (the check's own rating judged the value's origin), and a tainted
    sink the check missed is added (high) when ``add(node)`` allows it (the check's own validation tests: a
    check that already judged the sink and its guards is not overruled). ``add_param`` also adds sinks reached
    only by a caller's value, at that severity. Where the engine gave up or did not see the sink, the check's
    own judgement stands.
    """
    result = taint_result(program)
    if not result.ok:
        return findings
    out = []
    seen: set[int] = set()
    for f in findings:
        if f.rule == check_id and f.cwe == cwe and f.line is not None:
            seen.add(f.line)
            verdict = result.line_verdict(f.line, sink)
            if verdict == CLEAN and f.severity != "low":
                f = f.model_copy(update={"severity": "low", "message": f.message + " (but no outside input "
                                         "reaches it on any feasible path)"})
            elif verdict == TAINTED and f.severity != "high":
                f = f.model_copy(update={"severity": "high"})
        out.append(f)
    for node, verdict in result.flows(sink):
        line = getattr(node, "lineno", None)
        if line is None or line in seen or add is None or not add(node):
            continue
        if verdict == TAINTED or (verdict == FROM_CALLER and add_param is not None):
            seen.add(line)
            source = "outside input" if verdict == TAINTED else "a caller's value"
            out.append(finding(check_id, cwe, "high" if verdict == TAINTED else str(add_param), node,
                               f"{source} reaches {what} unsanitised on a feasible path"))
    return out


def settle_by_program(program: Program, findings: list[Finding], *, check_id: str, sink: str) -> list[Finding]:
    """For a weakness judged where a setting is made (an entity-resolving XML parser) rather than at the sink:
    when every sink of the class is reached only by clean values, the check's findings become low; when outside
    input reaches one, its medium findings become high."""
    result = taint_result(program)
    verdicts = {v for _, v in result.flows(sink)} if result.ok else {UNKNOWN}
    if not verdicts or UNKNOWN in verdicts or FROM_CALLER in verdicts:
        return findings
    out = []
    for f in findings:
        if f.rule == check_id and verdicts == {CLEAN} and f.severity != "low":
            f = f.model_copy(update={"severity": "low", "message": f.message + " (but no outside input reaches a "
                                     "parser on any feasible path)"})
        elif f.rule == check_id and TAINTED in verdicts and f.severity == "medium":
            f = f.model_copy(update={"severity": "high"})
        out.append(f)
    return out


def always(node: ast.AST) -> bool:
    """``settle(add=always)``: every tainted sink the check missed is added."""
    return True
