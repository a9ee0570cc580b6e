"""Robustness checks: how a program raises, catches, reports and survives errors and missing values.

Rules (each finding names its CWE; all are low, so they count only when a task asks about their weakness):
generic ``raise Exception`` (397); a sole catch-all handler that does not re-raise (396); a handler that
swallows the error (390); ``return``/``break`` in ``finally`` (584, medium: it always discards the exception);
file-system calls on a caller's path outside any ``try`` for ``OSError`` (755); a parameter a caller passes
``None`` that is dereferenced unchecked, ``raise None``, and ``re.match(...).group()`` chains (476); ``assert``
validating arguments (617, gone under ``python -O``); discarded results of ``str`` methods, ``os.system``
and non-blocking ``acquire`` (252); an exception's text returned to the caller (209); an error only
printed, never logged (778); ``breakpoint()``/``pdb.set_trace()`` left in (489); ``== float("nan")`` and
a caller's number converted with ``float()`` and range-checked with no NaN/infinity test (754).
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.program import FuncNode, Program, const_str, finding
from redline.judges.code.analysis.trees import walk
from redline.judges.code.checks.catalogue import check
from redline.judges.code.checks.robust_facts import (
    IO_ERRORS,
    body_nodes,
    callee_name,
    calls_to,
    derived_names,
    guarded_by,
    handler_types,
    is_test_code,
    names_in,
    params,
)
from redline.records import Finding

CATCH_ALL = frozenset({"Exception", "BaseException"})
FS_FUNCS = frozenset({"open", "os.open", "io.open", "os.remove", "os.unlink", "os.rename", "os.replace", "os.rmdir",
                      "os.listdir", "os.stat", "os.scandir", "os.makedirs", "os.mkdir", "shutil.copy",
                      "shutil.copyfile", "shutil.move", "shutil.rmtree", "os.chmod"})
PATH_METHODS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir", "iterdir",
                          "stat", "rename", "replace", "touch", "mkdir"})
MAYBE_NONE = frozenset({"re.match", "re.search", "re.fullmatch", "shutil.which", "os.environ.get", "os.getenv"})
PURE_STR_METHODS = frozenset({"replace", "strip", "lstrip", "rstrip", "upper", "lower", "capitalize", "title",
                              "casefold", "removeprefix", "removesuffix", "zfill", "center", "ljust", "rjust",
                              "swapcase", "expandtabs", "format", "join", "split", "encode", "decode"})
LOG_NAMES = ("log", "logger", "logging")


def _out() -> list[Finding]:
    return []


@check("raise-specific-exception", cwes=("CWE-397",), title="raise a specific exception class")
def check_generic_raise(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if program.dotted(exc) in CATCH_ALL:
                out.append(finding("raise-specific-exception", "CWE-397", "low", node,
                                   "raises the generic Exception: callers cannot handle this error apart"))
    return out


def _reraises(handler: ast.ExceptHandler) -> bool:
    return any(isinstance(n, ast.Raise) for n in walk(handler))


@check("catch-specific-exception", cwes=("CWE-396",), title="catch the exceptions expected, not all of them")
def check_catch_all(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if not isinstance(node, ast.Try) or not node.handlers:
            continue
        first = node.handlers[0]
        if handler_types(program, first) & CATCH_ALL and not _reraises(first):
            out.append(finding("catch-specific-exception", "CWE-396", "low", first,
                               "catches every exception as its only handler: unexpected errors are hidden"))
    return out


def _swallows(handler: ast.ExceptHandler) -> bool:
    for stmt in handler.body:
        if isinstance(stmt, (ast.Pass, ast.Continue)):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, ast.Return) and (stmt.value is None or
                                             (isinstance(stmt.value, ast.Constant) and stmt.value.value is None)):
            continue
        return False
    return True


@check("error-not-swallowed", cwes=("CWE-390", "CWE-392"), title="errors are acted on or reported")
def check_swallowed(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if isinstance(node, ast.ExceptHandler) and _swallows(node):
            out.append(finding("error-not-swallowed", "CWE-390", "low", node,
                               "exception handler discards the error without reporting it"))
    return out


@check("no-return-in-finally", cwes=("CWE-584",), title="no return or break inside finally")
def check_finally(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if not isinstance(node, ast.Try) or not node.finalbody:
            continue
        stack: list[tuple[ast.AST, bool]] = [(s, False) for s in node.finalbody]
        while stack:
            sub, looped = stack.pop()
            if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(sub, ast.Return) or (isinstance(sub, (ast.Break, ast.Continue)) and not looped):
                out.append(finding("no-return-in-finally", "CWE-584", "medium", sub,
                                   f"{type(sub).__name__.lower()} inside finally discards any exception in flight"))
            inner = looped or isinstance(sub, (ast.For, ast.While, ast.AsyncFor))
            stack.extend((k, inner) for k in ast.iter_child_nodes(sub))
    return out


def _fs_call(program: Program, call: ast.Call) -> ast.AST | None:
    """The path operand of a file-system call (``open(p)``, ``os.remove(p)``, ``Path(p).read_text()``)."""
    name = program.call_name(call)
    if name in FS_FUNCS and call.args:
        return call.args[0]
    if isinstance(call.func, ast.Attribute) and call.func.attr in PATH_METHODS and not call.args[1:]:
        receiver = call.func.value
        if isinstance(receiver, ast.Name) or (isinstance(receiver, ast.Call) and
                                              program.call_name(receiver).split(".")[-1] in ("Path", "PurePath")):
            return receiver
    return None


@check("io-errors-handled", cwes=("CWE-755",), title="file-system errors on a caller's path are handled")
def check_io_errors(program: Program) -> list[Finding]:
    out = _out()
    if is_test_code(program):
        return out
    candidates: dict[int, list[tuple[ast.Call, ast.AST]]] = {}
    for call in program.calls:
        operand = _fs_call(program, call)
        func = program.enclosing_function(call) if operand is not None else None
        if func is not None and operand is not None:
            candidates.setdefault(id(func), []).append((call, operand))
    for func in program.functions:
        if id(func) not in candidates:
            continue
        tainted = derived_names(func, set(params(func)))
        path_vars = {t.id for n in body_nodes(func) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
                     and program.call_name(n.value).split(".")[-1] in ("Path", "PurePath", "open")
                     for t in n.targets if isinstance(t, ast.Name)}
        for node, operand in candidates[id(func)]:
            if not names_in(operand) & tainted:
                continue
            if isinstance(operand, ast.Name) and operand.id not in path_vars and operand.id not in params(func) and \
                    program.call_name(node) not in FS_FUNCS:
                continue
            if not guarded_by(program, node, IO_ERRORS):
                out.append(finding("io-errors-handled", "CWE-755", "low", node,
                                   f"{func.name}(): file-system call on a caller's path with no OSError handling"))
                break
    return out


def _guards(func: FuncNode, name: str) -> bool:
    """The function tests ``name`` for None, truthiness or type before using it."""
    for node in body_nodes(func):
        if isinstance(node, ast.Compare) and name in names_in(node) and \
                any(isinstance(c, ast.Constant) and c.value is None for c in [node.left, *node.comparators]):
            return True
        if isinstance(node, ast.Call) and callee_name(node) in ("isinstance", "hasattr", "callable") and \
                node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == name:
            return True
        test = node.test if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)) else \
            node if isinstance(node, ast.BoolOp) else None
        if test is not None:
            parts = test.values if isinstance(test, ast.BoolOp) else [test]
            for part in parts:
                part = part.operand if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not) else part
                if isinstance(part, ast.Name) and part.id == name:
                    return True
        if isinstance(node, ast.Try) and any(handler_types_loose(h) & {"TypeError", "AttributeError", "Exception"}
                                             for h in node.handlers):
            return True
    return False


def handler_types_loose(handler: ast.ExceptHandler) -> set[str]:
    if handler.type is None:
        return {"Exception"}
    elts = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {e.id if isinstance(e, ast.Name) else e.attr if isinstance(e, ast.Attribute) else "" for e in elts}


def _dereferences(func: FuncNode, name: str) -> ast.AST | None:
    for node in body_nodes(func):
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.value, ast.Name) and \
                node.value.id == name:
            return node
        if isinstance(node, ast.Call) and callee_name(node) in ("len", "iter", "sorted", "sum", "max", "min") and \
                node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == name:
            return node
        if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, ast.Name) and node.iter.id == name:
            return node
    return None


def _none_params(program: Program, func: FuncNode) -> set[str]:
    """Parameters of ``func`` that some call in the program passes a literal ``None``."""
    names = [x.arg for x in (*func.args.posonlyargs, *func.args.args)]
    out: set[str] = set()
    for call in calls_to(program, func.name):
        offset = 1 if names[:1] in (["self"], ["cls"]) and isinstance(call.func, ast.Attribute) else 0
        for k, a in enumerate(call.args):
            if isinstance(a, ast.Constant) and a.value is None and k + offset < len(names):
                out.add(names[k + offset])
        out |= {kw.arg for kw in call.keywords if kw.arg and isinstance(kw.value, ast.Constant)
                and kw.value.value is None}
    return out


@check("none-checked", cwes=("CWE-476", "CWE-754"), title="values that may be None are checked before use")
def check_none(program: Program) -> list[Finding]:
    out = _out()
    for func in program.functions:
        for name in sorted(_none_params(program, func)):
            use = _dereferences(func, name)
            if use is not None and not _guards(func, name):
                out.append(finding("none-checked", "CWE-476", "low", use,
                                   f"{func.name}() is called with {name}=None and uses it unchecked"))
    for node in walk(program.tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Constant) and node.exc.value is None:
            out.append(finding("none-checked", "CWE-476", "low", node, "raise None: a TypeError replaces the error"))
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.value, ast.Call) and \
                program.call_name(node.value) in MAYBE_NONE and not (
                    program.call_name(node.value) in ("os.environ.get", "os.getenv") and
                    (node.value.args[1:] or node.value.keywords)):
            out.append(finding("none-checked", "CWE-476", "low", node,
                               f"result of {program.call_name(node.value)}() may be None and is used unchecked"))
    return out


@check("no-assert-validation", cwes=("CWE-617",), title="arguments validated without assert")
def check_assert(program: Program) -> list[Finding]:
    out = _out()
    if is_test_code(program) or "assert" not in program.code:
        return out
    for func in program.functions:
        if func.name.startswith("test"):
            continue
        names = set(params(func))
        for node in body_nodes(func):
            if isinstance(node, ast.Assert) and names_in(node.test) & names:
                out.append(finding("no-assert-validation", "CWE-617", "low", node,
                                   f"{func.name}() validates an argument with assert (removed under python -O)"))
    return out


def _unused_run(program: Program, node: ast.Assign) -> bool:
    """``r = subprocess.run(...)`` without ``check=`` whose ``r`` is never read again in its function."""
    call, target = node.value, node.targets[0]
    if not isinstance(call, ast.Call) or not isinstance(target, ast.Name) or \
            program.call_name(call) != "subprocess.run" or any(k.arg == "check" for k in call.keywords):
        return False
    func = program.enclosing_function(node)
    scope = func if func is not None else program.tree
    return not any(isinstance(n, ast.Name) and n.id == target.id and isinstance(n.ctx, ast.Load)
                   for n in body_nodes(scope))


@check("return-value-checked", cwes=("CWE-252", "CWE-754"),
       title="results that report failure or carry the value are used")
def check_discarded(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if isinstance(node, ast.Assign) and _unused_run(program, node):
            out.append(finding("return-value-checked", "CWE-252", "low", node,
                               "the result of subprocess.run() is kept but its exit status never checked"))
        if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call):
            continue
        call = node.value
        name = program.call_name(call)
        func = call.func
        on_name = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
            func.value.id not in program.aliases and (func.attr in ("strip", "lower", "upper") or (
                func.attr == "replace" and len(call.args) == 2 and const_str(call.args[0]) is not None))
        if isinstance(func, ast.Attribute) and func.attr in PURE_STR_METHODS and not call.keywords and \
                (const_str(func.value) is not None or isinstance(func.value, ast.JoinedStr) or on_name):
            out.append(finding("return-value-checked", "CWE-252", "low", call,
                               f".{func.attr}() returns a new string that is discarded (strings are immutable)"))
        elif name in ("os.system", "subprocess.call", "os.spawnl", "os.spawnv") or (
                name == "subprocess.run" and not any(k.arg == "check" for k in call.keywords)):
            out.append(finding("return-value-checked", "CWE-252", "low", call,
                               f"exit status of {name}() is ignored"))
        elif isinstance(func, ast.Attribute) and func.attr == "acquire" and (
                any(isinstance(a, ast.Constant) and a.value is False for a in call.args) or
                any(k.arg in ("blocking", "timeout") for k in call.keywords)):
            out.append(finding("return-value-checked", "CWE-252", "low", call,
                               "acquire() may fail here and its result is ignored"))
    return out


def _exception_text(node: ast.AST, names: set[str]) -> bool:
    for sub in walk(node):
        if isinstance(sub, ast.Name) and sub.id in names:
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr == "format_exc":
            return True
    return False


@check("error-details-hidden", cwes=("CWE-209",), title="exception details stay out of answers to the caller")
def check_error_exposure(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if not isinstance(node, ast.ExceptHandler):
            continue
        names = {node.name} if node.name else set()
        for sub in walk(node):
            if isinstance(sub, ast.Return) and sub.value is not None and _exception_text(sub.value, names):
                out.append(finding("error-details-hidden", "CWE-209", "low", sub,
                                   "returns the exception's text or traceback to the caller"))
                break
    for func in program.functions:  # a framework's error handler receives the exception as its parameter
        if any(w in program.dotted(d.func if isinstance(d, ast.Call) else d).lower()
               for d in func.decorator_list for w in ("errorhandler", "exception_handler")):
            for sub in body_nodes(func):
                if isinstance(sub, ast.Return) and sub.value is not None and \
                        _exception_text(sub.value, set(params(func))):
                    out.append(finding("error-details-hidden", "CWE-209", "low", sub,
                                       "an error handler returns the exception's text or traceback"))
                    break
    return out


def _is_print(program: Program, stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
        program.call_name(stmt.value) in ("print", "sys.stdout.write", "sys.stderr.write", "traceback.print_exc")


@check("errors-logged", cwes=("CWE-778",), title="errors are logged, not only printed")
def check_errors_logged(program: Program) -> list[Finding]:
    out = _out()
    for node in walk(program.tree):
        if isinstance(node, ast.ExceptHandler) and node.body and all(_is_print(program, s) for s in node.body):
            out.append(finding("errors-logged", "CWE-778", "low", node,
                               "the error is only printed to the console: no log record is kept"))
    return out


DEBUGGERS = frozenset({"breakpoint", "pdb.set_trace", "ipdb.set_trace", "pudb.set_trace", "code.interact",
                       "pdb.post_mortem", "pdb.pm"})


@check("no-debugger-left", cwes=("CWE-489",), title="no debugger hooks left in the program")
def check_debugger(program: Program) -> list[Finding]:
    out = _out()
    if not any(d.split(".")[-1] in program.code for d in DEBUGGERS):
        return out
    for call in program.calls:
        name = program.call_name(call)
        if name in DEBUGGERS:
            out.append(finding("no-debugger-left", "CWE-489", "low", call,
                               f"{name}() left in: it stops the program and opens an interactive shell"))
    return out


def _nan_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and callee_name(node) == "float" and node.args:
        return (const_str(node.args[0]) or "").strip().lower() == "nan"
    return isinstance(node, ast.Attribute) and node.attr == "nan"


@check("nan-checked", cwes=("CWE-754",), title="numbers from callers are checked for NaN and infinity")
def check_nan(program: Program) -> list[Finding]:
    out = _out()
    if "float" not in program.code and "nan" not in program.code:
        return out
    for node in walk(program.tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops) and \
                any(_nan_literal(s) for s in (node.left, *node.comparators)):
            out.append(finding("nan-checked", "CWE-754", "low", node, "NaN never equals anything; use math.isnan"))
    if re.search(r"\bis(nan|finite|inf)\b", program.code):
        return out
    for func in program.functions:
        names = set(params(func))
        converted = {t.id for n in body_nodes(func) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
                     and callee_name(n.value) == "float" and n.value.args and names_in(n.value.args[0]) & names
                     for t in n.targets if isinstance(t, ast.Name)}
        for node in body_nodes(func):
            if converted and isinstance(node, ast.Compare) and \
                    any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops) and \
                    names_in(node) & converted:
                out.append(finding("nan-checked", "CWE-754", "low", node,
                                   f"{func.name}() range-checks a float from its caller; NaN passes every "
                                   f"comparison check unnoticed"))
                break
    return out
