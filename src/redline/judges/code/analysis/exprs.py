"""Expressions in the taint engine: names, operators with constant folding, containers, comprehensions.

``Interp`` (``interp.py``) adds statements and control flow; ``Spec`` (same module) gives calls, sources and
sinks their meaning. An expression the engine does not model mixes the taint of its parts.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from redline.judges.code.analysis import absval as av
from redline.judges.code.analysis.absval import CLEAN, NOCONST, Val
from redline.judges.code.analysis.program import Program

if TYPE_CHECKING:
    from redline.judges.code.analysis.interp import Interp, Spec

Env = dict[str, Val]
MAX_STEPS = 20_000  # statements and expressions per program: past this the analysis gives up ("unknown")


class Budget(Exception):
    """The program is too large or deep to interpret within the step budget."""


class Exprs:
    """Evaluates expressions to abstract values; the state lives on the ``Interp`` that inherits this."""

    program: Program
    spec: Spec
    defs: dict[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda]
    globals: Env
    closure: Env
    steps: int

    @property
    def interp(self) -> Interp:
        return cast("Interp", self)

    def assign(self, target: ast.expr, value: Val, env: Env) -> None:
        raise NotImplementedError  # statements: Interp

    def iter_item(self, it: Val) -> Val:
        """What ``for x in it`` binds: each character of a known string, else any element."""
        if it.known and isinstance(it.const, str):
            return av.join_all(av.const(ch) for ch in it.const[:64]) if it.const else CLEAN
        return av.summary(it)

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Budget

    def bind_def(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda) -> Val:
        self.defs[str(id(node))] = node
        return Val(kind="class" if isinstance(node, ast.ClassDef) else "func", ref=str(id(node)))

    def name(self, ident: str, env: Env) -> Val:
        if ident in env:
            return env[ident]
        if ident in self.closure:
            return self.closure[ident]
        if ident in self.globals:
            return self.globals[ident]
        if ident in ("True", "False", "None"):
            return av.const({"True": True, "False": False, "None": None}[ident])
        return self.spec.free_name(self.interp, ident)

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
        source = self.spec.source(self.interp, e)
        if source is not None:
            if isinstance(e, ast.Call):  # the call still runs: its arguments, and the call as a sink
                self.spec.call(self.interp, e, env)
            return source
        if isinstance(e, ast.Call):
            return self.spec.call(self.interp, e, env)
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
        if isinstance(op, ast.Add) and (a.known and isinstance(a.const, str) or av.SITE_ORIGIN in a.safe):
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
