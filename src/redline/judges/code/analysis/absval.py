"""Abstract values for the flow-sensitive taint engine (``interp.py``): taint, a known constant, and contents.

A value is *tainted* by outside input (``SRC``: request data, ``input()``, ``sys.argv``) or by a caller we cannot
see (``PARAM``: a parameter of a function with unknown callers), and may be *sanitised* for some sink classes
(``shlex.quote`` for the shell, ``html.escape`` for HTML). A value may also be a known Python constant (so
``7 * 42 - num > 200`` folds and the dead branch is dropped) or a container whose elements are known one by one
(a list after ``append``/``remove``, a dict with constant keys), so that ``items[1]`` reads the right element.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

SRC = 1  # outside input
PARAM = 2  # a parameter whose callers are unknown
ALL = "*"  # sanitised for every sink class (a numeric cast)
NO_PARENT = "no-parent"  # holds no '..': safe as a path only when appended to a base by string concatenation
MAX_CONST_LEN = 4096  # folding stops for longer strings and collections


class _NoConst:
    def __repr__(self) -> str:
        return "NOCONST"


NOCONST: Any = _NoConst()


@dataclass(frozen=True)
class Val:
    """One abstract value: ``taint`` bits, sink classes it is ``safe`` for, constant, and known contents.

    ``elems`` is the exact element list of a list/tuple, ``keys`` the exact (constant key, value) pairs of a dict
    or an object's attributes; ``kind`` says which ("list", "tuple", "dict", "set", "obj", "path", "func",
    "class", or "" for a plain value). ``ref`` names the local function/class a "func"/"class" value stands for.
    """

    taint: int = 0
    safe: frozenset[str] = frozenset()
    const: Any = NOCONST
    kind: str = ""
    elems: tuple[Val, ...] | None = None
    keys: tuple[tuple[Any, Val], ...] | None = None
    ref: str = ""

    @property
    def known(self) -> bool:
        return self.const is not NOCONST

    def safe_for(self, sink: str) -> bool:
        return not self.taint or ALL in self.safe or sink in self.safe or (sink == "path" and NO_PARENT in self.safe)

    def lookup(self, key: Any) -> Val | None:
        if self.keys is None:
            return None
        for k, v in self.keys:
            if k == key and type(k) is type(key):
                return v
        return None


CLEAN = Val()
UNKNOWN_PARAM = Val(taint=PARAM)


def const(value: Any) -> Val:
    """A known constant (a plain value when the constant is too large to carry)."""
    if isinstance(value, (str, bytes, tuple, list)) and len(value) > MAX_CONST_LEN:
        return CLEAN
    if isinstance(value, (list, tuple)):
        elems = tuple(const(v) for v in value)
        return Val(const=tuple(value), kind="tuple", elems=elems)
    return Val(const=value)


def mix(parts: Iterable[Val], *, kind: str = "") -> Val:
    """A value derived from all ``parts`` (concatenation, an unknown call): tainted if any is, safe only for
    what every tainted part is safe for; no constant."""
    taint = 0
    safe: frozenset[str] | None = None
    for p in parts:
        if p.taint:
            taint |= p.taint
            safe = p.safe if safe is None else safe & p.safe
    return Val(taint=taint, safe=safe or frozenset(), kind=kind)


def join(a: Val, b: Val) -> Val:
    """Either value, on paths that meet: taint is the union, a constant only when both agree."""
    if a is b or a == b:
        return a
    if a.taint and b.taint:
        taint, safe = a.taint | b.taint, a.safe & b.safe
    elif a.taint:
        taint, safe = a.taint, a.safe
    else:
        taint, safe = b.taint, b.safe
    same_const = a.known and b.known and type(a.const) is type(b.const) and a.const == b.const
    kind = a.kind if a.kind == b.kind else ""
    elems = None
    if a.elems is not None and b.elems is not None and len(a.elems) == len(b.elems):
        elems = tuple(join(x, y) for x, y in zip(a.elems, b.elems, strict=True))
    keys = None
    if a.keys is not None and b.keys is not None and [k for k, _ in a.keys] == [k for k, _ in b.keys]:
        keys = tuple((k, join(x, y)) for (k, x), (_, y) in zip(a.keys, b.keys, strict=True))
    ref = a.ref if a.ref == b.ref else ""
    return Val(taint=taint, safe=safe, const=a.const if same_const else NOCONST, kind=kind, elems=elems, keys=keys,
               ref=ref)


def join_all(vals: Iterable[Val]) -> Val:
    out: Val | None = None
    for v in vals:
        out = v if out is None else join(out, v)
    return out if out is not None else CLEAN


def summary(v: Val) -> Val:
    """Any element of a container (or the value itself): what ``for x in v`` or ``v[unknown]`` yields."""
    parts = [e for e in (v.elems or ())] + [x for _, x in (v.keys or ())]
    if v.elems is None and v.keys is None:
        return replace(v, const=NOCONST, kind="", elems=None, keys=None, ref="")
    return Val(taint=mix(parts).taint | v.taint, safe=mix([v, *parts]).safe)


def seq(elems: Iterable[Val], kind: str = "list") -> Val:
    items = tuple(elems)
    consts = tuple(e.const for e in items)
    known = kind == "tuple" and all(e.known for e in items)
    base = mix(items)
    return Val(taint=base.taint, safe=base.safe, const=consts if known else NOCONST, kind=kind, elems=items)


def mapping(pairs: Iterable[tuple[Any, Val]], kind: str = "dict") -> Val:
    items = tuple(pairs)
    base = mix(v for _, v in items)
    return Val(taint=base.taint, safe=base.safe, kind=kind, keys=items)


def with_key(container: Val, key: Any, value: Val) -> Val:
    """``container[key] = value`` for a constant key (an exact dict stays exact)."""
    if container.keys is None:
        return mix([container, value], kind=container.kind)
    pairs = [(k, v) for k, v in container.keys if not (k == key and type(k) is type(key))]
    pairs.append((key, value))
    out = mapping(pairs, container.kind)
    return replace(out, ref=container.ref) if container.ref else out  # an object keeps its class


SITE_ORIGIN = "site-origin"  # a marker in ``safe``: the request's own scheme://host/ (``request.host_url``)
LOCAL_PATH = re.compile(r"^/[^/\\]")
FIXED_ORIGIN = re.compile(r"^https?://[^/?#{}]+/")


def fixed_prefix(first: Val, whole: Val) -> Val:
    """A string that starts with a fixed local path (``/dashboard/...``) cannot redirect off the site; one that
    starts with a fixed ``scheme://host/`` cannot send a request to another host."""
    if whole.taint and SITE_ORIGIN in first.safe:  # request.host_url + path: this site's own origin
        return replace(whole, safe=whole.safe | {"redirect"})
    if not whole.taint or not first.known or not isinstance(first.const, str):
        return whole
    if LOCAL_PATH.match(first.const):
        return replace(whole, safe=whole.safe | {"redirect"})
    if FIXED_ORIGIN.match(first.const):
        return replace(whole, safe=whole.safe | {"redirect", "ssrf"})
    return whole


BINOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub,
    ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow, ast.BitAnd: operator.and_,
    ast.BitOr: operator.or_, ast.BitXor: operator.xor,
    ast.LShift: operator.lshift, ast.RShift: operator.rshift,
}
CMPOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
SCALARS = (str, bytes, int, float, bool, type(None), tuple)


def fold(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` on constants, or NOCONST when it fails or would build something huge."""
    if not all(isinstance(a, SCALARS) for a in args):
        return NOCONST
    for a in args:  # guard the expensive operations: 10 ** 10 ** 9, "x" * 10 ** 9, 1 << 10 ** 9
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > 10 ** 9:
            return NOCONST
    try:
        if fn is operator.pow and isinstance(args[1], (int, float)) and abs(args[1]) > 64:
            return NOCONST
        if fn in (operator.mul, operator.lshift) and any(isinstance(a, int) and abs(a) > MAX_CONST_LEN for a in args) \
                and any(isinstance(a, (str, bytes, tuple)) for a in args):
            return NOCONST
        if fn is operator.lshift and isinstance(args[1], int) and args[1] > 256:
            return NOCONST
        out = fn(*args)
    except Exception:  # noqa: BLE001 - any failure of folding just means "not known"
        return NOCONST
    if isinstance(out, (str, bytes, tuple)) and len(out) > MAX_CONST_LEN:
        return NOCONST
    return out if isinstance(out, SCALARS) else NOCONST


STR_METHODS = frozenset({"upper", "lower", "strip", "lstrip", "rstrip", "replace", "split", "rsplit", "join",
                         "startswith", "endswith", "find", "rfind", "index", "count", "capitalize", "title",
                         "swapcase", "casefold", "isdigit", "isalpha", "isalnum", "isnumeric", "isdecimal",
                         "islower", "isupper", "isspace", "zfill", "center", "ljust", "rjust", "partition",
                         "rpartition", "removeprefix", "removesuffix", "encode", "decode", "format", "splitlines"})


def fold_method(receiver: Any, method: str, args: list[Any]) -> Any:
    """A pure ``str``/``bytes`` method on constants (``"a-b".split("-")``), or NOCONST."""
    if method not in STR_METHODS or not isinstance(receiver, (str, bytes)):
        return NOCONST
    if method in ("center", "ljust", "rjust", "zfill") and any(isinstance(a, int) and a > MAX_CONST_LEN
                                                                for a in args):
        return NOCONST
    if not all(isinstance(a, SCALARS) for a in args):
        return NOCONST
    try:
        result = getattr(receiver, method)(*args)
    except Exception:  # noqa: BLE001 - a failing method is just "not known"
        return NOCONST
    if isinstance(result, list):
        result = tuple(result)
    if isinstance(result, (str, bytes, tuple)) and len(result) > MAX_CONST_LEN:
        return NOCONST
    return result if isinstance(result, SCALARS) else NOCONST
