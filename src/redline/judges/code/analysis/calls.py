"""What a call does to values in the taint engine: local functions and classes interpreted, containers and
string methods modelled, everything else passing its arguments' taint on (``propagate``)."""

from __future__ import annotations

import ast
from dataclasses import replace

from redline.judges.code.analysis import absval as av
from redline.judges.code.analysis.absval import CLEAN, NOCONST, Val
from redline.judges.code.analysis.interp import MAX_CALL_DEPTH, Env, Frame, Interp

MUTATORS = frozenset({"append", "insert", "extend", "add", "update", "write", "writelines", "put", "push",
                      "appendleft", "extendleft", "set", "setdefault", "add_section", "__setitem__", "remove",
                      "discard", "pop", "popleft", "clear", "sort", "reverse"})
KEYED_SET = frozenset({"set", "put", "__setitem__", "setdefault"})
KEYED_GET = frozenset({"get", "getint", "getfloat", "getboolean", "__getitem__", "pop", "setdefault", "getlist"})
BUILTIN_SAME = frozenset({"str", "repr", "ascii", "bytes", "bytearray", "format", "list", "tuple", "set", "frozenset",
                          "sorted", "reversed", "dict", "iter", "next", "filter", "map", "enumerate", "zip"})


def arguments(it: Interp, call: ast.Call, env: Env) -> tuple[list[Val], dict[str, Val], bool]:
    args: list[Val] = []
    starred = False
    for a in call.args:
        if isinstance(a, ast.Starred):
            args.append(av.summary(it.ev(a.value, env)))
            starred = True
        else:
            args.append(it.ev(a, env))
    kwargs: dict[str, Val] = {}
    for k in call.keywords:
        v = it.ev(k.value, env)
        if k.arg is None:
            starred = True
            kwargs[f"**{len(kwargs)}"] = av.summary(v)
        else:
            kwargs[k.arg] = v
    return args, kwargs, starred


def run_function(it: Interp, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, args: list[Val],
                 kwargs: dict[str, Val], self_val: Val | None = None) -> tuple[Val, Val | None]:
    """Interpret ``node`` on these arguments: (its return value, ``self`` at the end), memoised per arguments."""
    params = node.args
    positional = [*params.posonlyargs, *params.args]
    env: Env = {}
    values = ([self_val] if self_val is not None else []) + list(args)
    defaults = [None] * (len(positional) - len(params.defaults)) + list(params.defaults)
    for k, p in enumerate(positional):
        if k < len(values):
            env[p.arg] = values[k]
        elif p.arg in kwargs:
            env[p.arg] = kwargs[p.arg]
        elif defaults[k] is not None:
            env[p.arg] = it.ev(defaults[k], {})
        else:
            env[p.arg] = av.mix(kwargs.values())  # passed by ** or missing
    extra = values[len(positional):]
    if params.vararg is not None:
        env[params.vararg.arg] = av.seq(extra, "tuple")
    for p, d in zip(params.kwonlyargs, params.kw_defaults, strict=True):
        env[p.arg] = kwargs.get(p.arg) or (it.ev(d, {}) if d is not None else av.mix(kwargs.values()))
    named = {p.arg for p in positional} | {p.arg for p in params.kwonlyargs}
    if params.kwarg is not None:
        env[params.kwarg.arg] = av.mapping([(k, v) for k, v in kwargs.items() if k not in named])
    key = (id(node), tuple(sorted(env.items(), key=lambda kv: kv[0])))
    try:
        cached = it.summaries.get(key)
    except TypeError:  # an unhashable constant: no memo
        key, cached = None, None  # type: ignore[assignment]
    if cached is not None and self_val is None:
        return cached, None
    if len(it.stack) >= MAX_CALL_DEPTH or id(node) in it.stack:
        it.incomplete = True
        return av.mix([*args, *kwargs.values(), *([self_val] if self_val else [])]), self_val
    it.stack.append(id(node))
    it.ran.add(id(node))
    frame = Frame()
    it.frames.append(frame)
    try:
        if isinstance(node, ast.Lambda):
            frame.ret = it.ev(node.body, env)
            end: Env | None = env
        else:
            end = it.block(node.body, env)
    finally:
        it.frames.pop()
        it.stack.pop()
    ret = frame.ret if frame.ret is not None else av.const(None)
    if end is not None and not isinstance(node, ast.Lambda) and frame.ret is not None:
        ret = av.join(ret, av.const(None))
    elif end is not None and frame.ret is None:
        ret = av.const(None)
    if key is not None and self_val is None:
        it.summaries[key] = ret
    new_self = None
    if self_val is not None and positional:
        new_self = (end or env).get(positional[0].arg, self_val)
    return ret, new_self


def method_of(it: Interp, cls: Val, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    node = it.defs.get(cls.ref)
    if isinstance(node, ast.ClassDef):
        for s in node.body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == name:
                it.bind_def(s)
                return s
    return None


def call_value(it: Interp, callee: Val, args: list[Val], kwargs: dict[str, Val]) -> Val | None:
    """A call of a local function or class; None when ``callee`` is not one."""
    node = it.defs.get(callee.ref) if callee.ref else None
    if callee.kind == "func" and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return run_function(it, node, args, kwargs)[0]
    if callee.kind == "class" and isinstance(node, ast.ClassDef):
        obj = Val(kind="obj", keys=(), ref=callee.ref)
        init = method_of(it, callee, "__init__")
        if init is None:
            return av.mix([obj, *args, *kwargs.values()], kind="obj") if args or kwargs else obj
        return run_function(it, init, args, kwargs, obj)[1] or obj
    return None


def method_call(it: Interp, call: ast.Call, recv: Val, method: str, args: list[Val], kwargs: dict[str, Val],
                env: Env) -> Val:
    """``recv.method(args)``: a local class's method, a container or string method, or an unknown method."""
    target = call.func.value if isinstance(call.func, ast.Attribute) else None
    if recv.kind == "obj" and recv.ref:
        func = method_of(it, Val(kind="class", ref=recv.ref), method)
        if func is not None:
            ret, new_self = run_function(it, func, args, kwargs, recv)
            if target is not None and new_self is not None:
                it.update(target, lambda _old: new_self, env)
            return ret
    if recv.known and all(a.known for a in args) and not kwargs:
        out = av.fold_method(recv.const, method, [a.const for a in args])
        if out is not NOCONST:
            return av.const(out)
    result = container_method(it, target, recv, method, args, env)
    if result is not None:
        return result
    if method in ("join",) and args:
        return av.mix([recv, av.summary(args[0]), args[0]])
    out = av.mix([recv, *args, *kwargs.values()]) if it.spec.propagate else CLEAN
    if method in MUTATORS and target is not None and any(a.taint for a in args):
        it.update(target, lambda old: av.mix([old, *args], kind=old.kind), env)
    if recv.kind == "path" and method in ("joinpath", "with_name", "with_suffix", "resolve", "absolute", "expanduser"):
        return replace(out, kind="path")
    return out


def container_method(it: Interp, target: ast.expr | None, recv: Val, method: str, args: list[Val],
                     env: Env) -> Val | None:
    """Lists with exact elements, dicts and keyed stores (``ConfigParser.set/get``) with constant keys."""
    if recv.elems is not None and recv.kind in ("list", "tuple"):
        elems = list(recv.elems)
        result: Val = av.const(None)
        changed = True
        if method == "append" and len(args) == 1:
            elems.append(args[0])
        elif method == "insert" and len(args) == 2 and args[0].known and isinstance(args[0].const, int):
            elems.insert(args[0].const, args[1])
        elif method == "extend" and len(args) == 1 and args[0].elems is not None:
            elems.extend(args[0].elems)
        elif method == "pop" and elems and (not args or args[0].known and isinstance(args[0].const, int)):
            index = args[0].const if args else -1
            if not -len(elems) <= index < len(elems):
                return None
            result = elems.pop(index)
        elif method == "remove" and len(args) == 1 and args[0].known:
            first = next((k for k, e in enumerate(elems) if not e.known or e.const == args[0].const), None)
            if first is None or not elems[first].known:
                return None  # not there, or an unknown element before it might be the one removed
            del elems[first]
        elif method == "clear":
            elems = []
        elif method == "copy":
            return recv
        elif method in ("index", "count"):
            return CLEAN
        else:
            changed = False
        if changed:
            if target is not None:
                it.update(target, lambda _old: av.seq(elems, recv.kind), env)
            return result
        return None
    if recv.keys is not None:
        is_dict = recv.kind == "dict"
        key_args = args[:-1] if method in KEYED_SET else args[:1] if is_dict else args
        key: object = tuple(a.const for a in key_args)
        if is_dict and len(key_args) == 1:
            key = key_args[0].const
        if method in ("items", "values", "keys", "copy"):
            return recv if method == "copy" else av.mix([recv], kind="list") if method != "keys" else av.seq(
                [av.const(k) for k, _ in recv.keys], "list")
        known_key = bool(key_args) and all(a.known for a in key_args)
        if not args:
            return None
        if not known_key:  # a value looked up by an unknown key is one of the stored values, not the key
            if method in ("get", "__getitem__") and recv.kind == "dict":
                return av.join(av.summary(recv), args[1] if len(args) > 1 else Val(const=None))
            return None
        if method in KEYED_SET and len(args) >= 2:
            old = recv.lookup(key)
            if method == "setdefault" and old is not None:
                return old
            value = args[-1]
            if target is not None:
                it.update(target, lambda c: av.with_key(c, key, value) if c.keys is not None else av.mix([c, value]),
                          env)
            return value
        if method in KEYED_GET:
            found = recv.lookup(key)
            if found is not None:
                if method == "pop" and target is not None:
                    pairs = tuple((k, v) for k, v in recv.keys if k != key)
                    it.update(target, lambda _old: av.mapping(pairs, recv.kind), env)
                return found
            default = args[1] if len(args) > 1 and method in ("get", "pop") else Val(const=None)
            return av.join(default, av.summary(recv)) if recv.kind != "dict" else default
    return None
