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
from dataclasses import dataclass, field, replace

from redline.judges.code.analysis import absval as av
from redline.judges.code.analysis.absval import CLEAN, NOCONST, Val
from redline.judges.code.analysis.program import Program

Env = dict[str, Val]
MAX_CALL_DEPTH = 4
MAX_LOOP_ROUNDS = 3
MAX_STEPS = 20_000  # statements and expressions per program: past this the analysis gives up ("unknown")
NO_RETURN = frozenset({"abort", "exit", "_exit", "fail", "throw"})


class Budget(Exception):
    """The program is too large or deep to interpret within the step budget."""


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


class Interp:
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
    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Budget

    def record(self, node: ast.AST, sink: str, value: Val) -> None:
        key = (id(node), sink)
        self.sink_nodes[id(node)] = node
        bits = 0 if value.safe_for(sink) else value.taint
        self.hits[key] = self.hits.get(key, 0) | bits

    def bind_def(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda) -> Val:
        self.defs[str(id(node))] = node
        return Val(kind="class" if isinstance(node, ast.ClassDef) else "func", ref=str(id(node)))

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

    def iter_item(self, it: Val) -> Val:
        if it.known and isinstance(it.const, str):
            return av.join_all(av.const(ch) for ch in it.const[:64]) if it.const else CLEAN
        return av.summary(it)

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
    def name(self, ident: str, env: Env) -> Val:
        if ident in env:
            return env[ident]
        if ident in self.closure:
            return self.closure[ident]
        if ident in self.globals:
            return self.globals[ident]
        if ident in ("True", "False", "None"):
            return av.const({"True": True, "False": False, "None": None}[ident])
        return self.spec.free_name(self, ident)

    def truth(self, test: ast.expr, env: Env) -> bool | None:
        v = self.ev(test, env)
        if v.known:
            try:
                return bool(v.const)
            except Exception:  # noqa: BLE001
                return None
        if v.kind in ("func", "class"):
            return True
        return None

    def ev(self, e: ast.expr | None, env: Env) -> Val:
        if e is None:
            return Val(const=None)
        self.tick()
        if isinstance(e, ast.Constant):
            return av.const(e.value)
        if isinstance(e, ast.Name):
            return self.name(e.id, env)
        source = self.spec.source(self, e)
        if source is not None:
            if isinstance(e, ast.Call):  # the call still runs: its arguments, and the call as a sink
                self.spec.call(self, e, env)
            return source
        if isinstance(e, ast.Call):
            return self.spec.call(self, e, env)
        if isinstance(e, ast.Attribute):
            base = self.ev(e.value, env)
            found = base.lookup(e.attr)
            if found is not None:
                return found
            if base.kind == "class":
                return self.class_attr(base, e.attr)
            if base.kind == "request":  # not one of the request's input fields (those are sources)
                return CLEAN
            return Val(taint=base.taint, safe=base.safe, kind="path" if base.kind == "path" and e.attr in (
                "parent", "name", "stem", "suffix") else "")
        if isinstance(e, ast.BinOp):
            return self.binop(e.op, self.ev(e.left, env), self.ev(e.right, env))
        if isinstance(e, ast.UnaryOp):
            v = self.ev(e.operand, env)
            if isinstance(e.op, ast.Not):
                t = self.truth(e.operand, env)
                return av.const(not t) if t is not None else Val()
            ops = {ast.USub: lambda x: -x, ast.UAdd: lambda x: +x, ast.Invert: lambda x: ~x}
            return av.const(out) if v.known and (out := av.fold(ops[type(e.op)], v.const)) is not NOCONST else \
                Val(taint=v.taint, safe=v.safe)
        if isinstance(e, ast.BoolOp):
            return self.boolop(e, env)
        if isinstance(e, ast.Compare):
            return self.compare(e, env)
        if isinstance(e, ast.IfExp):
            t = self.truth(e.test, env)
            if t is True:
                return self.ev(e.body, env)
            if t is False:
                return self.ev(e.orelse, env)
            return av.join(self.ev(e.body, env), self.ev(e.orelse, env))
        if isinstance(e, ast.JoinedStr):
            parts = [self.ev(v, env) for v in e.values]
            if all(p.known and isinstance(p.const, str) for p in parts):
                return av.const("".join(p.const for p in parts))
            return av.fixed_prefix(parts[0] if parts else CLEAN, av.mix(parts))
        if isinstance(e, ast.FormattedValue):
            v = self.ev(e.value, env)
            if e.format_spec is None and e.conversion == -1 and v.known and isinstance(v.const, (str, int)):
                return av.const(str(v.const))
            return Val(taint=v.taint, safe=v.safe)
        if isinstance(e, (ast.List, ast.Tuple, ast.Set)):
            if any(isinstance(x, ast.Starred) for x in e.elts):
                return av.mix([self.ev(x, env) for x in e.elts], kind="list")
            kind = "tuple" if isinstance(e, ast.Tuple) else "list" if isinstance(e, ast.List) else "set"
            return av.seq([self.ev(x, env) for x in e.elts], kind)
        if isinstance(e, ast.Dict):
            pairs: list[tuple[object, Val, Val]] = []
            exact = True
            for key_node, value_node in zip(e.keys, e.values, strict=True):
                kv, vv = self.ev(key_node, env) if key_node is not None else CLEAN, self.ev(value_node, env)
                if key_node is None or not kv.known:
                    exact = False
                pairs.append((kv.const if kv.known else None, vv, kv))
            if exact:
                return av.mapping([(k, v) for k, v, _ in pairs])
            return av.mix([x for _, v, kv in pairs for x in (v, kv)], kind="dict")
        if isinstance(e, ast.Subscript):
            return self.index(self.ev(e.value, env), self.ev(e.slice, env))
        if isinstance(e, ast.Slice):
            parts = [self.ev(x, env) if x is not None else Val(const=None) for x in (e.lower, e.upper, e.step)]
            if all(p.known for p in parts):
                return Val(const=slice(*(p.const for p in parts)), kind="slice")
            return CLEAN
        if isinstance(e, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self.comprehension(e, env)
        if isinstance(e, ast.Lambda):  # its body runs later with values we cannot see: its sinks are judged now
            inner = dict(env)
            for p in [*e.args.posonlyargs, *e.args.args, *e.args.kwonlyargs]:
                inner[p.arg] = av.UNKNOWN_PARAM
            self.ev(e.body, inner)
            return self.bind_def(e)
        if isinstance(e, (ast.Await, ast.Starred)):
            return self.ev(e.value, env)
        if isinstance(e, ast.NamedExpr):
            v = self.ev(e.value, env)
            self.assign(e.target, v, env)
            return v
        return av.mix([self.ev(c, env) for c in ast.iter_child_nodes(e) if isinstance(c, ast.expr)])

    def comprehension(self, e: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, env: Env) -> Val:
        inner = dict(env)
        for gen in e.generators:
            self.assign(gen.target, self.iter_item(self.ev(gen.iter, inner)), inner)
            for cond in gen.ifs:
                self.ev(cond, inner)
        if isinstance(e, ast.DictComp):
            return av.mix([self.ev(e.key, inner), self.ev(e.value, inner)], kind="dict")
        return av.mix([self.ev(e.elt, inner)], kind="list")

    def index(self, c: Val, k: Val) -> Val:
        if c.known and k.known:
            out = av.fold(lambda a, b: a[b], c.const, k.const) if not isinstance(k.const, slice) else \
                (c.const[k.const] if isinstance(c.const, (str, bytes, tuple)) else NOCONST)
            if out is not NOCONST:
                return av.const(out)
        if c.elems is not None and k.known:
            if isinstance(k.const, int) and not isinstance(k.const, bool) and -len(c.elems) <= k.const < len(c.elems):
                return c.elems[k.const]
            if isinstance(k.const, slice):
                return av.seq(c.elems[k.const], c.kind)
        if c.keys is not None and k.known:
            found = c.lookup(k.const)
            if found is not None:
                return found
        return av.summary(c)

    def binop(self, op: ast.operator, a: Val, b: Val) -> Val:
        if a.known and b.known:
            out = av.fold(av.BINOPS[type(op)], a.const, b.const)
            if out is not NOCONST:
                return av.const(out)
        if isinstance(op, ast.Add) and a.elems is not None and b.elems is not None:
            return av.seq([*a.elems, *b.elems], a.kind if a.kind == b.kind else "list")
        if isinstance(op, ast.Mod) and a.known and isinstance(a.const, str) and b.taint:
            return av.mix([b.elems and av.mix(b.elems) or b])
        if isinstance(op, ast.Add) and a.known and isinstance(a.const, str):
            return av.fixed_prefix(a, av.mix([a, b]))
        if isinstance(op, ast.Div) and "path" in (a.kind, b.kind):  # base / part: an absolute part replaces base
            return av.mix([a, replace(b, safe=b.safe - {av.NO_PARENT})], kind="path")
        return av.mix([a, b])

    def boolop(self, e: ast.BoolOp, env: Env) -> Val:
        vals: list[Val] = []
        for x in e.values:
            v = self.ev(x, env)
            t = bool(v.const) if v.known else None
            if t is (isinstance(e.op, ast.Or)):  # short-circuit: this operand is the result
                return v if not vals else av.join_all([*[w for w in vals if not w.known], v])
            if t is None:
                vals.append(v)
        return av.join_all(vals) if vals else av.const(isinstance(e.op, ast.And))

    def compare(self, e: ast.Compare, env: Env) -> Val:
        left = self.ev(e.left, env)
        result: bool | None = True
        for op, right_node in zip(e.ops, e.comparators, strict=True):
            right = self.ev(right_node, env)
            if left.known and right.known:
                out = av.fold(av.CMPOPS[type(op)], left.const, right.const)
                if out is NOCONST:
                    result = None
                elif not out:
                    return av.const(False)
            else:
                result = None
            left = right
        return av.const(result) if result is not None else CLEAN

    def class_attr(self, cls: Val, attr: str) -> Val:
        node = self.defs.get(cls.ref)
        if isinstance(node, ast.ClassDef):
            for s in node.body:
                if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == attr:
                    return self.bind_def(s)
                if isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == attr for t in s.targets):
                    return self.ev(s.value, {})
        return CLEAN


class Spec:
    """What calls, sources and sinks mean; ``taintspec.TaintSpec`` is the real one."""

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
