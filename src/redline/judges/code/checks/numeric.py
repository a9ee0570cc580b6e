"""Numeric and expression checks: conversions that lose value, precedence slips, and names that change meaning.

Rules (low unless noted, so they count only when a task asks about their weakness): ``int()`` of a float and
one-argument ``round()`` (197: truncation, banker's rounding); ``Decimal(float)`` (681: the binary error is
kept); a shift mixed with unparenthesised arithmetic, ``-x ** y``, and ``x == a or "b"`` (783); a shift of a
negative value (1335); ``==`` on floats (1339); ``is`` against a literal (595, medium: the result depends on
interning); fixed-width numpy/ctypes integers fed or computed from variables (190/191); a numeric-annotated
argument used in arithmetic unconverted while a caller passes a string (843); a module-level def, class or
assignment that shadows a builtin or an imported module (1109); a loop that mutates the collection it
iterates (1095).
"""

from __future__ import annotations

import ast
import builtins
import re

from redline.judges.code.analysis.flow import call_sites, resolve
from redline.judges.code.analysis.program import FuncNode, Program, finding
from redline.judges.code.analysis.trees import walk
from redline.judges.code.checks.catalogue import check
from redline.judges.code.checks.robust_facts import body_nodes, callee_name
from redline.records import Finding

ARITH = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
SHIFTS = (ast.LShift, ast.RShift)
FIXED_WIDTH = frozenset({f"{p}int{b}" for p in ("", "u") for b in (8, 16, 32, 64)} |
                        {f"c_{p}{t}" for p in ("", "u") for t in ("byte", "short", "int", "long", "longlong", "int8",
                                                                  "int16", "int32", "int64")})
NUMERIC_HINTS = frozenset({"int", "float", "complex", "Decimal"})
BUILTIN_NAMES = frozenset(n for n in dir(builtins) if not n.startswith("_") and n[:1].islower()) - \
    frozenset({"copyright", "credits", "license", "exit", "quit", "help"})
MUTATORS = frozenset({"remove", "pop", "append", "insert", "clear", "extend", "discard", "add", "update",
                      "popitem", "setdefault"})


def _float_like(node: ast.AST, program: Program | None = None, depth: int = 0) -> bool:
    """A float-valued expression; with ``program``, names are followed to their assignments and a parameter to
    the literals its callers pass (``int(price * 100)`` where a call passes ``0.29``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, float)
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, ast.Div) or _float_like(node.left, program, depth) or \
            _float_like(node.right, program, depth)
    if isinstance(node, ast.Name) and program is not None and depth < 3:
        values = [v for v in resolve(program, node) if v is not node]
        if values:
            return any(_float_like(v, program, depth + 1) for v in values)
        return _float_argument(program, node)
    if isinstance(node, ast.Call):
        return callee_name(node) == "float" or (isinstance(node.func, ast.Attribute) and
                                                isinstance(node.func.value, ast.Name) and
                                                node.func.value.id == "math" and node.func.attr in
                                                ("sqrt", "exp", "log", "pow", "sin", "cos", "fabs"))
    if isinstance(node, ast.UnaryOp):
        return _float_like(node.operand)
    return False


def _float_argument(program: Program, name: ast.Name) -> bool:
    """A parameter that some call in the program passes a float literal."""
    func = program.enclosing_function(name)
    params = [p.arg for p in [*func.args.posonlyargs, *func.args.args]] if func is not None else []
    if func is None or name.id not in params:
        return False
    k = params.index(name.id)
    for call, is_method in call_sites(program, func) or []:
        given = call.args[k - is_method] if 0 <= k - is_method < len(call.args) else \
            next((kw.value for kw in call.keywords if kw.arg == name.id), None)
        if isinstance(given, ast.Constant) and isinstance(given.value, float):
            return True
    return False


@check("numeric-conversion", cwes=("CWE-197", "CWE-681"), title="numeric conversions keep the value")
def check_conversion(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for call in program.calls:
        name = program.call_name(call)
        value = call.args[0] if len(call.args) == 1 and not call.keywords else None
        if value is None or not _float_like(value, program):
            continue
        if name == "int":
            out.append(finding("numeric-conversion", "CWE-197", "low", call, "int() truncates a float toward zero"))
        elif name == "round":
            out.append(finding("numeric-conversion", "CWE-197", "low", call,
                               "round() of a float rounds half to even and keeps binary error"))
        elif name.split(".")[-1] == "Decimal":
            out.append(finding("numeric-conversion", "CWE-681", "low", call,
                               "Decimal() of a float keeps its binary rounding error; pass a string"))
    return out


def _parenthesised(program: Program, node: ast.AST) -> bool:
    """The source has an opening bracket right before ``node`` (the AST drops parentheses)."""
    lines = program.code.splitlines()
    line, col = getattr(node, "lineno", 0) - 1, getattr(node, "col_offset", 0)
    while 0 <= line < len(lines):
        before = lines[line].encode("utf-8")[:col].decode("utf-8", "replace").rstrip()
        if before:
            return before.endswith("(")
        line -= 1
        col = len(lines[line].encode("utf-8")) if line >= 0 else 0
    return False


def _negative(program: Program, node: ast.AST, func: FuncNode | None) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        scope: ast.AST = func if func is not None else program.tree
        for sub in body_nodes(scope):
            if isinstance(sub, (ast.Assign, ast.AnnAssign)) and sub.value is not None:
                targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
                if any(isinstance(t, ast.Name) and t.id == node.id for t in targets) and \
                        _negative(program, sub.value, None):
                    return True
    return False


@check("operator-precedence", cwes=("CWE-783", "CWE-1335"), title="shifts and mixed operators are unambiguous")
def check_precedence(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for node in walk(program.tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, SHIFTS):
            for side in (node.left, node.right):
                if isinstance(side, ast.BinOp) and isinstance(side.op, ARITH) and not _parenthesised(program, side):
                    out.append(finding("operator-precedence", "CWE-783", "low", node,
                                       "shift mixed with arithmetic: + and - bind tighter than << and >>"))
                    break
            else:
                if _negative(program, node.left, program.enclosing_function(node)) or \
                        _negative(program, node.right, None):
                    out.append(finding("operator-precedence", "CWE-1335", "low", node,
                                       "shift of a negative value: not a division, and a negative count raises"))
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, SHIFTS) and (
                _negative(program, node.target, program.enclosing_function(node)) or
                _negative(program, node.value, None)):
            out.append(finding("operator-precedence", "CWE-1335", "low", node,
                               "shift of a negative value: not a division, and a negative count raises"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.BinOp) \
                and isinstance(node.operand.op, ast.Pow) and not _parenthesised(program, node.operand):
            out.append(finding("operator-precedence", "CWE-783", "low", node, "-x ** y is -(x ** y)"))
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and \
                any(isinstance(v, ast.Compare) for v in node.values[:-1]) and \
                any(isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value for v in node.values[1:]):
            out.append(finding("operator-precedence", "CWE-783", "low", node,
                               "x == a or 'b' is always true: compare against each value"))
    return out


@check("float-equality", cwes=("CWE-1339",), title="real numbers compared with a tolerance")
def check_float_equality(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for node in walk(program.tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
            sides = [node.left, *node.comparators]
            if any(_float_like(s) and not (isinstance(s, ast.Constant) and s.value == 0.0) for s in sides):
                out.append(finding("float-equality", "CWE-1339", "low", node,
                                   "exact equality on floating-point values; use math.isclose or Decimal"))
    return out


@check("identity-comparison", cwes=("CWE-595",), title="values compared with ==, not is")
def check_identity(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for node in walk(program.tree):
        if not isinstance(node, ast.Compare) or not any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            continue
        for side in (node.left, *node.comparators):
            literal = isinstance(side, ast.Constant) and isinstance(side.value, (str, bytes, int, float)) and \
                not isinstance(side.value, bool)
            if literal or isinstance(side, (ast.List, ast.Dict, ast.Tuple, ast.Set, ast.JoinedStr)):
                out.append(finding("identity-comparison", "CWE-595", "medium", node,
                                   "'is' compares object identity, not value"))
                break
    return out


@check("integer-width", cwes=("CWE-190", "CWE-191"), title="fixed-width integers checked for range")
def check_integer_width(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if not program.uses_module("numpy", "ctypes"):
        return out
    for call in program.calls:
        leaf = program.call_name(call).split(".")[-1]
        dtype = next((k.value for k in call.keywords if k.arg == "dtype"), None)
        width = leaf in FIXED_WIDTH or (dtype is not None and
                                        (program.dotted(dtype).split(".")[-1] in FIXED_WIDTH or
                                         (isinstance(dtype, ast.Constant) and str(dtype.value) in FIXED_WIDTH)))
        kind = (str(dtype.value) if isinstance(dtype, ast.Constant) else program.dotted(dtype)) if dtype else leaf
        if width and re.search(r"64|longlong", kind):
            continue  # 64-bit fields hold every count and size a program meets; the narrow ones wrap
        if not width or not call.args or all(isinstance(a, (ast.Constant, ast.List, ast.Tuple)) for a in call.args):
            continue
        parent = program.parent(call)
        cwe = "CWE-191" if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Sub) else "CWE-190"
        out.append(finding("integer-width", cwe, "low", call,
                           f"{leaf or 'fixed-width'} value from a variable wraps around silently on overflow"))
    return out


def _numeric_params(func: FuncNode) -> dict[str, int]:
    out = {}
    for k, a in enumerate([*func.args.posonlyargs, *func.args.args]):
        ann = a.annotation
        if isinstance(ann, ast.Name) and ann.id in NUMERIC_HINTS:
            out[a.arg] = k
    return out


@check("types-enforced", cwes=("CWE-843",), title="arguments converted or checked, not trusted to type hints")
def check_types(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for func in program.functions:
        numeric = _numeric_params(func)
        if not numeric:
            continue
        raw = {n for node in body_nodes(func) if isinstance(node, ast.BinOp) and isinstance(node.op, ARITH)
               for side in (node.left, node.right) if isinstance(side, ast.Name) for n in [side.id] if n in numeric}
        checked = {a.id for node in body_nodes(func) if isinstance(node, ast.Call) and callee_name(node) in
                   ("isinstance", "int", "float", "Decimal") for a in node.args if isinstance(a, ast.Name)}
        for name in sorted(raw - checked):
            index = numeric[name]
            for call in program.calls:
                if callee_name(call) != func.name:
                    continue
                passed = call.args[index] if index < len(call.args) else \
                    next((k.value for k in call.keywords if k.arg == name), None)
                if isinstance(passed, (ast.Constant, ast.List, ast.Dict)) and isinstance(
                        getattr(passed, "value", []), (str, bytes, list)) or isinstance(passed, (ast.List, ast.Dict)):
                    out.append(finding("types-enforced", "CWE-843", "low", call,
                                       f"{func.name}() does arithmetic on {name} as annotated, but is passed "
                                       f"another type (hints are not enforced)"))
                    break
    return out


@check("no-shadowed-names", cwes=("CWE-1109",), title="builtins and imported modules keep their meaning")
def check_shadowing(program: Program) -> list[Finding]:
    out: list[Finding] = []
    imported: set[str] = set()
    for stmt in program.tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            imported |= {(a.asname or a.name).split(".")[0] for a in stmt.names}
            continue
        names: list[str] = []
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [stmt.name]
        elif isinstance(stmt, ast.Assign):
            names = [t.id for t in stmt.targets if isinstance(t, ast.Name)]
        for name in names:
            if name in imported or (name in BUILTIN_NAMES and not isinstance(stmt, ast.Assign)):
                what = "an imported module" if name in imported else "a builtin"
                out.append(finding("no-shadowed-names", "CWE-1109", "low", stmt,
                                   f"{name} redefines {what}: later uses silently change meaning"))
    return out


@check("loop-collection-stable", cwes=("CWE-1095",), title="a loop does not change what it iterates")
def check_loop_mutation(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for node in walk(program.tree):
        if not isinstance(node, (ast.For, ast.AsyncFor)) or not isinstance(node.iter, (ast.Name, ast.Attribute)):
            continue
        key = program.dotted(node.iter)
        if any(isinstance(s, (ast.Break, ast.Return)) for stmt in node.body for s in walk(stmt)):
            continue  # mutate-then-leave is safe
        for sub in (s for stmt in node.body for s in walk(stmt)):
            hit = (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in MUTATORS
                   and program.dotted(sub.func.value) == key) or \
                  (isinstance(sub, ast.Delete) and any(isinstance(t, ast.Subscript) and program.dotted(t.value) == key
                                                       for t in sub.targets))
            if hit:
                out.append(finding("loop-collection-stable", "CWE-1095", "low", sub,
                                   f"{key} is changed while the loop iterates over it"))
                break
    return out
