"""Flow-sensitive taint: abstract interpretation of each function's statements in order (see ``absval.py``).

Branches whose condition folds to a constant are followed one way only; other branches are joined. Loops run to
a fixed point (bounded), calls to functions and classes of the same program are interpreted with the callers'
argument values (bounded depth), and unknown calls pass their arguments' taint on. Each sink call the
specification (``taintspec.py``) recognises records the taint that reaches it, joined over every context, so a
sink never reached on a feasible path, or reached only by clean values, is provably clean.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from redline.judges.code.analysis import absval as av
from redline.judges.code.analysis.absval import CLEAN, Val
from redline.judges.code.analysis.exprs import Budget as Budget  # re-exported for taintflow
from redline.judges.code.analysis.exprs import Env as Env
from redline.judges.code.analysis.exprs import Exprs
from redline.judges.code.analysis.program import Program

MAX_CALL_DEPTH = 4
MAX_LOOP_ROUNDS = 3
NO_RETURN = frozenset({"abort", "exit", "_exit", "fail", "throw"})


@dataclass
class Frame:
    """Where a function's control leaves: the joined return value and the envs at ``break``/``continue``."""

    ret: Val | None = None
    breaks: list[Env] = field(default_factory=list)
    conts: list[Env] = field(default_factory=list)


def join_env(a: Env | None, b: Env | None) -> Env | None:
    if a is None:
        return b
    if b is None:
        return a
    out = dict(a)
    for k, v in b.items():
        out[k] = av.join(out[k], v) if k in out else v
    return out


def join_envs(envs: list[Env | None]) -> Env | None:
    out: Env | None = None
    for e in envs:
        out = join_env(out, e)
    return out


class Interp(Exprs):
    """Interprets one program; ``eval_call`` (the spec) gives sources, sanitisers and sinks their meaning."""

    def __init__(self, program: Program, spec: Spec) -> None:
        self.program = program
        self.spec = spec
        self.defs: dict[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda] = {}
        self.globals: Env = {}
        self.closure: Env = {}  # names of the enclosing functions, for a nested function analysed as an entry
        self.frames: list[Frame] = []
        self.stack: list[int] = []
        self.steps = 0
        self.hits: dict[tuple[int, str], int] = {}  # (id(sink node), sink class) -> taint bits that reached it
        self.sink_nodes: dict[int, ast.AST] = {}
        self.summaries: dict[tuple[int, tuple[tuple[str, Val], ...]], Val] = {}
        self.incomplete = False  # a call was cut off at the depth bound: unreached code may still run
        self.reached: set[int] = set()  # lines of the statements interpreted
        self.ran: set[int] = set()  # ids of the functions interpreted at least once

    # -- bookkeeping ------------------------------------------------------------------------------------
    def record(self, node: ast.AST, sink: str, value: Val) -> None:
        key = (id(node), sink)
        self.sink_nodes[id(node)] = node
        bits = 0 if value.safe_for(sink) else value.taint
        self.hits[key] = self.hits.get(key, 0) | bits

    # -- statements -------------------------------------------------------------------------------------
    def block(self, stmts: list[ast.stmt], env: Env | None) -> Env | None:
        for s in stmts:
            if env is None:
                return None
            env = self.stmt(s, env)
        return env

    def stmt(self, s: ast.stmt, env: Env) -> Env | None:
        self.tick()
        compound = isinstance(s, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith,
                                  ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Match))
        self.reached.update(range(s.lineno, (s.lineno if compound else (s.end_lineno or s.lineno)) + 1))
        if isinstance(s, (ast.Assign, ast.AnnAssign)):
            if s.value is None:
                return env
            value = self.ev(s.value, env)
            for target in (s.targets if isinstance(s, ast.Assign) else [s.target]):
                self.assign(target, value, env)
            return env
        if isinstance(s, ast.AugAssign):
            current = self.ev(s.target, env) if not isinstance(s.target, ast.Name) else self.name(s.target.id, env)
            value = self.binop(s.op, current, self.ev(s.value, env))
            self.assign(s.target, value, env)
            return env
        if isinstance(s, ast.Expr):
            self.ev(s.value, env)
            if isinstance(s.value, ast.Call) and self.program.call_name(s.value).split(".")[-1] in NO_RETURN:
                return None  # abort(400), sys.exit(): this path ends here
            return env
        if isinstance(s, ast.If):
            test = self.truth(s.test, env)
            then = self.block(s.body, self.spec.refine(self, s.test, True, dict(env))) if test is not False else None
            other = self.block(s.orelse, self.spec.refine(self, s.test, False, dict(env))) \
                if test is not True else None
            return join_env(then, other)
        if isinstance(s, (ast.For, ast.AsyncFor, ast.While)):
            return self.loop(s, env)
        if isinstance(s, ast.Return):
            value = self.ev(s.value, env) if s.value is not None else Val(const=None)
            self.spec.on_return(self, s, value)
            if self.frames:
                frame = self.frames[-1]
                frame.ret = value if frame.ret is None else av.join(frame.ret, value)
            return None
        if isinstance(s, ast.Raise):
            if s.exc is not None:
                self.ev(s.exc, env)
            return None
        if isinstance(s, ast.Break):
            if self.frames:
                self.frames[-1].breaks.append(env)
            return None
        if isinstance(s, ast.Continue):
            if self.frames:
                self.frames[-1].conts.append(env)
            return None
        if isinstance(s, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            return self.try_(s, env)  # type: ignore[arg-type]
        if isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                ctx = self.ev(item.context_expr, env)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, ctx if ctx.kind == "obj" else av.summary(ctx), env)
            return self.block(s.body, env)
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            env[s.name] = self.bind_def(s)
            return env
        if isinstance(s, ast.Match):
            return self.match(s, env)
        if isinstance(s, (ast.Import, ast.ImportFrom)):
            for alias in s.names:
                env.pop((alias.asname or alias.name).split(".")[0], None)
            return env
        if isinstance(s, ast.Delete):
            for t in s.targets:
                if isinstance(t, ast.Name):
                    env.pop(t.id, None)
            return env
        if isinstance(s, ast.Assert):
            return env if self.truth(s.test, env) is not False else None
        return env  # pass, global, nonlocal, type aliases

    def loop(self, s: ast.For | ast.AsyncFor | ast.While, env: Env) -> Env | None:
        if isinstance(s, ast.While):
            if self.truth(s.test, env) is False:
                return self.block(s.orelse, env)
            item = None
        else:
            item = self.iter_item(self.ev(s.iter, env))
        exits: list[Env | None] = [] if isinstance(s, ast.While) and self.truth(s.test, env) is True else [dict(env)]
        state: Env = dict(env)
        outer = self.frames[-1] if self.frames else Frame()
        frame = Frame(ret=outer.ret)
        self.frames.append(frame)
        try:
            for _ in range(MAX_LOOP_ROUNDS):
                body_env = dict(state)
                if item is not None and not isinstance(s, ast.While):
                    self.assign(s.target, item, body_env)
                end = join_envs([self.block(s.body, body_env), *frame.conts])
                frame.conts = []
                merged = join_env(state, end) or state
                if merged == state:
                    break
                state = merged
        finally:
            self.frames.pop()
        if self.frames:
            self.frames[-1].ret = frame.ret
        exits.append(state)
        after = join_envs([*exits, *frame.breaks])
        return self.block(s.orelse, after) if after is not None and s.orelse else after

    def try_(self, s: ast.Try, env: Env) -> Env | None:
        before = dict(env)
        body = self.block(s.body, dict(env))
        raised = join_env(before, body) or before  # an exception may leave at any point of the body
        handlers = []
        for h in s.handlers:
            henv = dict(raised)
            if h.name:
                henv[h.name] = CLEAN
            handlers.append(self.block(h.body, henv))
        normal = self.block(s.orelse, body) if body is not None else None
        out = join_envs([normal, *handlers])
        if s.finalbody:
            fin = self.block(s.finalbody, dict(out if out is not None else raised))
            return fin if out is not None else None
        return out

    def match(self, s: ast.Match, env: Env) -> Env | None:
        subject = self.ev(s.subject, env)
        outs: list[Env | None] = []
        for case in s.cases:
            verdict = self.pattern(case.pattern, subject, env) if case.guard is None else None
            if verdict is False:
                continue
            cenv = dict(env)
            self.capture(case.pattern, subject, cenv)
            outs.append(self.block(case.body, cenv))
            if verdict is True:
                return join_envs(outs)
        outs.append(env)  # no case matched
        return join_envs(outs)

    def pattern(self, p: ast.pattern, subject: Val, env: Env) -> bool | None:
        if isinstance(p, ast.MatchValue):
            v = self.ev(p.value, env)
            if subject.known and v.known:
                return bool(av.fold(lambda a, b: a == b, subject.const, v.const))
            return None
        if isinstance(p, ast.MatchOr):
            results = [self.pattern(q, subject, env) for q in p.patterns]
            return True if True in results else False if all(r is False for r in results) else None
        if isinstance(p, ast.MatchAs) and p.pattern is None:
            return True
        return None

    def capture(self, p: ast.pattern, subject: Val, env: Env) -> None:
        if isinstance(p, ast.MatchAs) and p.name:
            env[p.name] = subject
        for child in ast.iter_child_nodes(p):
            if isinstance(child, ast.pattern):
                if isinstance(child, (ast.MatchAs, ast.MatchStar)) and getattr(child, "name", None):
                    env[str(child.name)] = av.summary(subject) if child is not p else subject

    # -- assignment -------------------------------------------------------------------------------------
    def assign(self, target: ast.expr, value: Val, env: Env) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            elts = target.elts
            if value.elems is not None and len(value.elems) == len(elts) and \
                    not any(isinstance(e, ast.Starred) for e in elts):
                for e, v in zip(elts, value.elems, strict=True):
                    self.assign(e, v, env)
            else:
                item = av.summary(value)
                for e in elts:
                    self.assign(e.value if isinstance(e, ast.Starred) else e, item, env)
        elif isinstance(target, ast.Subscript):
            key = self.ev(target.slice, env)
            self.spec.on_store(self, target, value, env)
            self.update(target.value, lambda c: self.store(c, key, value), env)
        elif isinstance(target, ast.Attribute):
            self.spec.on_store(self, target, value, env)
            self.update(target.value, lambda c: av.with_key(c, target.attr, value) if c.keys is not None
                        else av.mix([c, value], kind=c.kind), env)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, value, env)

    def store(self, container: Val, key: Val, value: Val) -> Val:
        if container.elems is not None and key.known and isinstance(key.const, int) and \
                -len(container.elems) <= key.const < len(container.elems):
            elems = list(container.elems)
            elems[key.const] = value
            return av.seq(elems, container.kind)
        if key.known and container.keys is not None and container.kind != "list":
            return av.with_key(container, key.const, value)
        return av.mix([container, value], kind=container.kind)

    def update(self, node: ast.expr, fn: Callable[[Val], Val], env: Env) -> None:
        """Replace the value held at ``node`` (a name, ``a.b`` or ``a[k]``) by ``fn(old)``."""
        if isinstance(node, ast.Name):
            env[node.id] = fn(self.name(node.id, env))
        elif isinstance(node, ast.Attribute):
            attr = node.attr
            self.update(node.value, lambda c: av.with_key(c, attr, fn(c.lookup(attr) or av.summary(c)))
                        if c.keys is not None else av.mix([c, fn(av.summary(c))], kind=c.kind), env)
        elif isinstance(node, ast.Subscript):
            key = self.ev(node.slice, env)
            self.update(node.value, lambda c: self.store(c, key, fn(self.index(c, key))), env)

    # -- expressions ------------------------------------------------------------------------------------
class Spec:
    """What calls, sources and sinks mean; ``taintspec.TaintSpec`` is the real one."""

    propagate = True  # an unknown call's result carries its arguments' (and receiver's) taint

    def source(self, it: Interp, e: ast.expr) -> Val | None:
        raise NotImplementedError

    def call(self, it: Interp, e: ast.Call, env: Env) -> Val:
        raise NotImplementedError

    def refine(self, it: Interp, test: ast.expr, outcome: bool, env: Env) -> Env:
        return env

    def free_name(self, it: Interp, ident: str) -> Val:
        return CLEAN

    def on_return(self, it: Interp, node: ast.Return, value: Val) -> None:
        return None

    def on_store(self, it: Interp, target: ast.Subscript | ast.Attribute, value: Val, env: Env) -> None:
        return None
