"""Limit checks: values from callers that reach a divisor, an index, a size or a fixed-width field unchecked.

Rules (all low, so they count only when a task asks about their weakness, like the other robustness checks):
a divisor that is a parameter, a field of one, ``len()`` of one, or ``self.x`` stored untested from an
``__init__`` parameter, never tested (369); money held as a binary float (682); a number converted from input
with ``int()``/``float()`` and used as an index (129) or a quantity in arithmetic (1284) with no comparison on
it; a function that calls itself with no depth or limit parameter (674); a shift count from a caller never
tested (1335); a whole-body ``read()`` of a request, stream or socket, a buffer sized by a number read from the
peer and never capped, or a number from a request passed on as a size or count with no cap (400, 770); a value
packed into a fixed-width ``struct`` code or ``ctypes`` field with no range test (190). One pass over each
function's body gathers the facts all rules share.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from redline.judges.code.analysis.program import FuncNode, Program, finding
from redline.judges.code.checks.catalogue import check
from redline.judges.code.checks.robust_facts import body_nodes, callee_name, names_in, params
from redline.records import Finding

MONEY = re.compile(r"(^|_)(price|amount|cost|total|balance|fee|tax|salary|payment|charge|refund|subtotal|"
                   r"discount|bill|invoice)s?($|_)")
DEPTH_WORDS = ("depth", "level", "limit", "max", "remaining", "budget", "ttl", "n")
STREAMY = re.compile(r"(request|stream|sock|conn|resp|stdin|rfile|upload|body)", re.I)
PEER_NUMBERS = frozenset({"from_bytes", "unpack", "unpack_from", "int"})
INPUT_WORDS = re.compile(r"\b(request|query|args|form|params|argv|input)\b")
PASSIVE_CALLS = frozenset({"int", "float", "str", "len", "print", "repr", "abs", "isinstance", "bool", "format",
                           "debug", "info", "warning", "error", "exception", "append", "jsonify", "json_response"})
STRUCT_INTS = re.compile(r"[bBhHiIlLqQ]")


@dataclass
class Facts:
    """What one walk over a function body yields: names tested anywhere, assignments, the nodes of interest."""

    tested: set[str] = field(default_factory=set)
    capped: set[str] = field(default_factory=set)  # tested by an if/assert or clamped, not only a loop bound
    converted: dict[str, ast.AST] = field(default_factory=dict)  # name = int(...)/float(...) of something
    from_peer: set[str] = field(default_factory=set)  # name = int.from_bytes(...)/struct.unpack(...)
    divisions: list[ast.BinOp] = field(default_factory=list)
    shifts: list[ast.BinOp] = field(default_factory=list)
    subscripts: list[ast.Subscript] = field(default_factory=list)
    arithmetic: list[ast.BinOp] = field(default_factory=list)
    calls: list[ast.Call] = field(default_factory=list)
    attr_assigns: list[ast.Assign] = field(default_factory=list)


def facts(program: Program, func: FuncNode) -> Facts:
    key = ("limits", id(func))
    cached: Facts | None = program.cache.get(key)
    if cached is not None:
        return cached
    out = Facts()
    for node in body_nodes(func):
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            out.tested |= names_in(node.test)
            if not isinstance(node, ast.While):
                out.capped |= names_in(node.test)
        elif isinstance(node, ast.Compare):
            out.tested |= names_in(node)
        elif isinstance(node, ast.BinOp):
            if isinstance(node.op, (ast.Div, ast.FloorDiv, ast.Mod)):
                out.divisions.append(node)
            if isinstance(node.op, (ast.Mult, ast.Add, ast.Sub)):
                out.arithmetic.append(node)
            if isinstance(node.op, (ast.LShift, ast.RShift)):
                out.shifts.append(node)
        elif isinstance(node, ast.Subscript):
            out.subscripts.append(node)
        elif isinstance(node, ast.Call):
            out.calls.append(node)
            if callee_name(node) in ("min", "max", "clamp", "isfinite"):
                out.tested |= names_in(node)
                out.capped |= names_in(node)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Attribute):
                out.attr_assigns.append(node)
            if isinstance(target, ast.Name) and isinstance(value, ast.Call):
                name = callee_name(value)
                if name in ("int", "float") and isinstance(value.func, ast.Name) and value.args and \
                        not isinstance(value.args[0], ast.Constant):
                    out.converted[target.id] = value
                if name in PEER_NUMBERS and (name != "int" or isinstance(value.func, ast.Attribute)):
                    out.from_peer.add(target.id)
                elif name == "int" and value.args and names_in(value.args[0]) & out.from_peer:
                    out.from_peer.add(target.id)
    program.cache[key] = out
    return out


def _divisor_unchecked(program: Program, func: FuncNode, f: Facts, node: ast.BinOp) -> bool:
    d = node.right
    if isinstance(d, ast.Call) and callee_name(d) == "len" and len(d.args) == 1:
        d = d.args[0]
    if isinstance(d, ast.Attribute) and isinstance(d.value, ast.Name) and d.value.id == "self":
        return d.attr not in f.tested and _unchecked_init_field(program, func, d.attr)
    root = d
    while isinstance(root, (ast.Subscript, ast.Attribute)):
        root = root.value
    if not isinstance(root, ast.Name) or root.id not in params(func):
        return False
    return root.id not in f.tested


def _unchecked_init_field(program: Program, func: FuncNode, attr: str) -> bool:
    """``self.attr`` is set in its class's ``__init__`` straight from a parameter that ``__init__`` never tests."""
    cls = next((a for a in program.ancestors(func) if isinstance(a, ast.ClassDef)), None)
    init = next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None) if cls else None
    if init is None:
        return False
    init_facts = facts(program, init)
    return any(isinstance(n, ast.Assign) and isinstance(n.value, ast.Name) and n.value.id in params(init) and
               n.value.id not in init_facts.tested and any(isinstance(t, ast.Attribute) and t.attr == attr
                                                           for t in n.targets)
               for n in init_facts.attr_assigns)


@check("divisor-checked", cwes=("CWE-369",), title="a divisor from a caller is tested for zero")
def check_divisor(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for func in program.functions:
        f = facts(program, func)
        for node in f.divisions:
            if not (isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)) and \
                    _divisor_unchecked(program, func, f, node):
                out.append(finding("divisor-checked", "CWE-369", "low", node,
                                   "divides by a caller's value that may be zero, never tested"))
    return out


@check("shift-count-checked", cwes=("CWE-1335",), title="shift counts from callers are checked for range")
def check_shift_count(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for func in program.functions:
        f = facts(program, func)
        for node in f.shifts:
            if isinstance(node.right, ast.Name) and node.right.id in params(func) and node.right.id not in f.tested:
                out.append(finding("shift-count-checked", "CWE-1335", "low", node,
                                   f"shift count {node.right.id} from a caller may be negative (ValueError) or huge"))
    return out


@check("money-not-float", cwes=("CWE-682",), title="money is held in Decimal or integer cents, not float")
def check_money_float(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for call in program.calls:
        if not (isinstance(call.func, ast.Name) and call.func.id == "float" and call.args):
            continue
        if any(MONEY.search(n.lower()) for n in names_in(call.args[0])):
            out.append(finding("money-not-float", "CWE-682", "low", call,
                               "money converted to a binary float: sums and rounding drift (use Decimal)"))
    return out


@check("input-range-checked", cwes=("CWE-129", "CWE-1284"),
       title="numbers from input are range-checked before use as an index or quantity")
def check_input_range(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for func in program.functions:
        f = facts(program, func)
        loose = set(f.converted) - f.tested
        if not loose:
            continue
        for sub in f.subscripts:
            if isinstance(sub.ctx, ast.Load) and isinstance(sub.slice, ast.Name) and sub.slice.id in loose:
                out.append(finding("input-range-checked", "CWE-129", "low", sub,
                                   f"{sub.slice.id} comes from input and indexes a sequence unchecked"))
                loose.discard(sub.slice.id)
        for node in f.arithmetic:
            hit = {n.id for n in (node.left, node.right) if isinstance(n, ast.Name)} & loose
            if hit and isinstance(node.op, ast.Mult):
                name = sorted(hit)[0]
                out.append(finding("input-range-checked", "CWE-1284", "low", node,
                                   f"quantity {name} from input is used without a range check"))
                loose.discard(name)
    return out


@check("recursion-bounded", cwes=("CWE-674",), title="recursion is bounded by a depth limit")
def check_recursion(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for func in program.functions:
        if any(w in p.lower() for p in params(func) for w in DEPTH_WORDS if len(w) > 1 or p == w):
            continue
        calls = [c for c in facts(program, func).calls if isinstance(c.func, ast.Name) and c.func.id == func.name]
        if calls:
            out.append(finding("recursion-bounded", "CWE-674", "low", calls[0],
                               f"{func.name}() recurses with no depth limit: deep input exhausts the stack"))
    return out


@check("reads-bounded", cwes=("CWE-400", "CWE-770", "CWE-789"), title="reads and buffers from a peer have a size limit")
def check_reads_bounded(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for func in program.functions:
        f = facts(program, func)
        for call in f.calls:
            name = callee_name(call)
            if name == "read" and not call.args and not call.keywords and isinstance(call.func, ast.Attribute) \
                    and STREAMY.search(program.dotted(call.func.value)):
                out.append(finding("reads-bounded", "CWE-400", "low", call,
                                   "reads a whole request or stream with no size limit"))
            elif name in ("bytearray", "bytes") and isinstance(call.func, ast.Name) and len(call.args) == 1 and \
                    isinstance(call.args[0], ast.Name) and call.args[0].id in f.from_peer - f.capped:
                out.append(finding("reads-bounded", "CWE-770", "low", call,
                                   f"allocates a buffer of a size the peer sent ({call.args[0].id}), never capped"))
        out.extend(_sizes_from_request(f))
    return out


def _sizes_from_request(f: Facts) -> list[Finding]:
    """A number converted from a request and passed on as an argument (a page size, a count) with no cap."""
    out: list[Finding] = []
    sized = {n for n in set(f.converted) - f.tested if INPUT_WORDS.search(ast.unparse(f.converted[n]))}
    for call in f.calls if sized else ():
        hit = sorted({a.id for a in call.args if isinstance(a, ast.Name)} & sized)
        if hit and callee_name(call) not in PASSIVE_CALLS:
            out.append(finding("reads-bounded", "CWE-770", "low", call,
                               f"{hit[0]} from the request sets a size or count with no upper bound"))
            sized.discard(hit[0])
    return out


def _range_checked(program: Program, f: Facts, node: ast.AST) -> bool:
    """A packed value is checked when its names are tested, or it passes through a local function that tests."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id not in ("len", "int", "sum"):
        local = program.function_named(node.func.id)
        return local is not None and bool(facts(program, local).tested)
    names = names_in(node)
    return bool(names) and names <= f.tested


def _ctypes_fields(program: Program) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(program.tree) if "_fields_" in program.code else ():
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_fields_" for t in node.targets) \
                and isinstance(node.value, (ast.List, ast.Tuple)):
            for elt in node.value.elts:
                if isinstance(elt, ast.Tuple) and len(elt.elts) >= 2 and isinstance(elt.elts[0], ast.Constant):
                    kind = program.dotted(elt.elts[1]).split(".")[-1]
                    if kind.startswith("c_") and "int" in kind or kind in ("c_short", "c_ushort", "c_byte", "c_ubyte"):
                        out.add(str(elt.elts[0].value))
    return out


@check("packed-width-checked", cwes=("CWE-190",), title="values packed into fixed-width fields are range-checked")
def check_packed_width(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if not program.uses_module("struct", "ctypes"):
        return out
    fields = _ctypes_fields(program)
    for func in program.functions:
        f = facts(program, func)
        for call in f.calls:
            if program.call_name(call) in ("struct.pack", "struct.pack_into") and call.args and \
                    isinstance(call.args[0], ast.Constant) and STRUCT_INTS.search(str(call.args[0].value)):
                loose = [a for a in call.args[1:] if not _range_checked(program, f, a)]
                if loose:
                    out.append(finding("packed-width-checked", "CWE-190", "low", call,
                                       "packs a computed value into a fixed-width integer with no range check"))
        for node in f.attr_assigns:
            target = node.targets[0]
            if isinstance(target, ast.Attribute) and target.attr in fields and \
                    not _range_checked(program, f, node.value):
                out.append(finding("packed-width-checked", "CWE-190", "low", node,
                                   f"{target.attr} is a fixed-width ctypes field: a larger value wraps silently"))
    return out
