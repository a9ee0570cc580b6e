"""Light, flow-insensitive data flow: which values come from outside, and which strings the code fixes itself.

Two questions drive most checks. *Tainted*: can this value come from the request, the command line, ``input()``,
the network or (in ``untrusted`` mode) a function's caller? *Static*: is this string fixed by the program
(literals, constants, numeric casts, allow-listed names, placeholder lists), so that splicing it into SQL or a
shell command is harmless? Both follow the bindings of ``checks_scope``; cycles and deep chains stop at a
fixed depth. ``validated`` answers a third: is a value checked (allow-list, regex, helper) before use?
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

from redline.judges.code.analysis.program import FuncNode, Program, const_str, walk_no_nested, words
from redline.judges.code.analysis.scope import Scope as Scope  # re-exported for the checks
from redline.judges.code.analysis.scope import attribute_values as attribute_values
from redline.judges.code.analysis.scope import builds_string as builds_string
from redline.judges.code.analysis.scope import resolve as resolve
from redline.judges.code.analysis.scope import scope_of as scope_of
from redline.judges.code.analysis.trees import child_nodes, unparse, walk

MAX_DEPTH = 25
REQUEST_ROOTS = ("flask.request", "request", "self.request", "bottle.request", "req", "werkzeug.request",
                 "quart.request", "sanic.request", "event")
INPUT_CALLS = frozenset({"input", "raw_input", "sys.stdin.read", "sys.stdin.readline", "sys.stdin.readlines",
                         "getpass.getpass", "click.prompt", "typer.prompt"})
CAST_CALLS = frozenset({"int", "float", "bool", "len", "abs", "round", "hash", "id", "isinstance", "uuid.UUID",
                        "decimal.Decimal", "ord", "math.floor", "math.ceil", "min", "max", "sum", "range"})
BOOL_METHODS = frozenset({"startswith", "endswith", "isdigit", "isalnum", "isalpha", "isnumeric", "isidentifier",
                          "isdecimal", "count", "index", "find", "__contains__"})
NUMERIC_SPECS = frozenset("dibxXofFeEgGn%")
NOT_INPUT = frozenset({"user", "method", "session", "app", "url_rule", "endpoint", "blueprint", "auth", "state",
                       "is_secure", "is_json", "scheme"})
NETWORK_READS = (".recv", ".recvfrom", ".recv_into", ".recv_bytes", ".read_message", "urlopen", ".recv_json",
                 ".recv_string", ".receive_bytes", ".receive_text", ".receive_json", "rfile.read", "rfile.readline",
                 "stdin.buffer.read", "stdin.read", "stdin.readline", "reader.read", "reader.readline",
                 "reader.readexactly", "websocket.recv", "ws.recv")
NETWORK_MODULES = ("requests.", "httpx.", "urllib.request.", "urllib3.", "aiohttp.")
DB_ROW_CALLS = frozenset({"get_or_404", "first_or_404", "one_or_404", "get_object_or_404", "fetchone", "fetchall",
                          "first", "one", "one_or_none", "scalar", "scalar_one", "scalar_one_or_none", "fetchrow",
                          "fetchval"})
NETWORK_CALLS = frozenset({"get", "post", "put", "patch", "delete", "request", "urlopen", "head"})


# -- taint -------------------------------------------------------------------------------------------------

class Taint:
    """Answers "can this expression carry outside input?" for one program.

    ``untrusted=True`` also treats every function parameter as outside input (a helper called with a user's
    value); otherwise only requests, route parameters, ``input()`` and ``sys.argv`` count.
    """

    def __init__(self, program: Program, *, untrusted: bool, sanitizers: Iterable[str] = (),
                 clean_attrs: Iterable[str] = (), lookups_clean: bool = False) -> None:
        self.program = program
        self.untrusted = untrusted
        self.sanitizers = tuple(sanitizers)
        self.clean_attrs = frozenset(clean_attrs)
        self.lookups_clean = lookups_clean  # allow-listed names, constant-table and database lookups are clean
        self._memo: dict[tuple[int, str], bool] = {}

    def is_source(self, node: ast.AST) -> bool:
        name = self.program.dotted(node)
        if not name:
            return False
        if name in ("sys.argv", "sys.stdin", "sys.stdin.buffer") or name.startswith(("sys.argv[", "sys.argv.")):
            return True
        root = name.split("()")[0].split("[]")[0]
        if isinstance(node, ast.Call) and (root in INPUT_CALLS or name.endswith("parse_args()")):
            return True
        for base in REQUEST_ROOTS:
            if len(name) > len(base) and name.startswith(base) and name[len(base)] in ".[(":
                rest = name[len(base):].lstrip(".")
                return rest.split(".")[0].split("(")[0].split("[")[0] not in NOT_INPUT
        if isinstance(node, ast.Call):  # bytes from the network: sockets, HTTP responses
            return root.endswith(NETWORK_READS) or (root.startswith(NETWORK_MODULES) and name.endswith("()") and
                                                     root.split(".")[-1] in NETWORK_CALLS)
        return False

    def _sanitized(self, call: ast.Call) -> bool:
        name = self.program.call_name(call)
        if name in CAST_CALLS or name.split(".")[-1] in BOOL_METHODS:
            return True
        return any(name == s or name.endswith("." + s) or name.split(".")[-1] == s for s in self.sanitizers)

    def tainted(self, node: ast.AST | None, scope: Scope | None = None, depth: int = 0) -> bool:
        if node is None or depth > MAX_DEPTH:
            return False
        if scope is None:
            scope = scope_of(self.program, node)
        if self.is_source(node):
            return True
        if isinstance(node, ast.Name):
            return self._name_tainted(node.id, scope, depth)
        if isinstance(node, ast.Attribute) and node.attr in self.clean_attrs:
            return False
        if self.lookups_clean and self._lookup(node, scope, depth):
            return False
        if isinstance(node, ast.Call):
            if self._sanitized(node):
                return False
            parts: list[ast.AST] = [*node.args, *(kw.value for kw in node.keywords)]
            if isinstance(node.func, ast.Attribute):
                parts.append(node.func.value)
            return any(self.tainted(p, scope, depth + 1) for p in parts)
        if isinstance(node, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return False
        if isinstance(node, ast.Compare):
            return False
        return any(self.tainted(child, scope, depth + 1) for child in child_nodes(node)
                   if isinstance(child, ast.expr))

    def _lookup(self, node: ast.AST, scope: Scope, depth: int) -> bool:
        """A value the server chose by a key: ``TABLE[key]``/``TABLE.get(key)`` on a constant mapping, or a row
        from the database (``Doc.objects.get(pk=pk)``, ``get_or_404``, ``fetchone()``)."""
        if isinstance(node, ast.Subscript):
            return not self.tainted(node.value, scope, depth + 1) and Static(self.program).static(node.value)
        if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Attribute, ast.Name)):
            return False
        name = self.program.call_name(node)
        last = name.split(".")[-1]
        if last in DB_ROW_CALLS:
            return True
        if last == "get" and isinstance(node.func, ast.Attribute):
            receiver = self.program.dotted(node.func.value)
            if re.search(r"(^|\.)(objects|query|session)$", receiver) or receiver[:1].isupper():
                return True
            return Static(self.program).static(node.func.value) and not any(
                self.tainted(a, scope, depth + 1) for a in node.args[1:])
        return False

    def _name_tainted(self, name: str, scope: Scope, depth: int) -> bool:
        if self.lookups_clean and name in scope.validated:
            return False
        key = (id(scope), name)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = False  # cycle guard: a name does not taint itself
        result = False
        if name in scope.params:
            func = scope.node
            if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if self.program.route(func) is not None:
                    result = not _safe_annotation(func, name)
                elif self.untrusted and not _safe_annotation(func, name):
                    result = self._from_callers(func, name, depth)
            else:
                result = self.untrusted
        elif name in scope.trusted_params:
            result = False
        elif name in scope.assigns or name in scope.loops:
            values = scope.assigns.get(name, []) + scope.loops.get(name, [])
            result = any(self.tainted(v, scope, depth + 1) for v in values)
        elif scope.parent is not None:
            result = self._name_tainted(name, scope.parent, depth + 1)
        self._memo[key] = result
        return result


    def _from_callers(self, func: FuncNode, name: str, depth: int) -> bool:
        """A parameter is outside input unless every call in this program passes it something untainted.

        A function never called here (an entry point, a callback, a library function) gets unknown input.
        """
        sites = call_sites(self.program, func)
        if sites is None:
            return True
        positional = [a.arg for a in func.args.posonlyargs + func.args.args]
        for call, is_method in sites:
            if any(isinstance(a, ast.Starred) for a in call.args) or any(kw.arg is None for kw in call.keywords):
                return True
            value = next((kw.value for kw in call.keywords if kw.arg == name), None)
            if value is None and name in positional:
                index = positional.index(name) - (1 if is_method and positional[:1] in (["self"], ["cls"]) else 0)
                if 0 <= index < len(call.args):
                    value = call.args[index]
            if value is not None and self.tainted(value, None, depth + 1):
                return True
        return False


SAFE_TYPES = frozenset({"int", "float", "bool", "date", "datetime", "time", "timedelta", "UUID", "Decimal", "None",
                        "Optional", "dt", "uuid", "decimal", "PositiveInt", "conint", "IPv4Address",
                        "IPv6Address", "ipaddress"})


PLAIN_DECORATORS = frozenset({"staticmethod", "classmethod", "property", "cache", "lru_cache", "cached_property",
                              "wraps", "abstractmethod", "override"})
COMMON_METHODS = frozenset({"get", "post", "put", "delete", "run", "open", "read", "write", "send", "update", "add",
                            "save", "load", "close", "execute", "format", "join", "append", "items", "keys", "values",
                            "copy", "pop", "setdefault", "start", "stop", "call", "handle", "process", "fetch",
                            "search", "create", "list", "index", "find", "replace", "split", "strip", "request",
                            "remove", "clear", "encode", "decode", "parse", "render", "check", "validate"})


def _safe_annotation(func: FuncNode, name: str) -> bool:
    """A parameter typed as a number, date, UUID or bool cannot carry an injection string."""
    for a in func.args.posonlyargs + func.args.args + func.args.kwonlyargs:
        if a.arg == name and a.annotation is not None:
            idents = [n.id for n in walk(a.annotation) if isinstance(n, ast.Name)] + [
                n.attr for n in walk(a.annotation) if isinstance(n, ast.Attribute)]
            return bool(idents) and all(i in SAFE_TYPES for i in idents)
    return False


def calls_by_name(program: Program) -> dict[str, list[tuple[ast.Call, bool]]]:
    """Every call indexed by the called name (``f(...)`` and ``obj.f(...)``), built once per program."""
    key = ("calls-by-name",)
    if key not in program.cache:
        table: dict[str, list[tuple[ast.Call, bool]]] = {}
        for call in program.calls:
            target = call.func
            if isinstance(target, ast.Name):
                table.setdefault(target.id, []).append((call, False))
            elif isinstance(target, ast.Attribute):
                table.setdefault(target.attr, []).append((call, True))
        program.cache[key] = table
    found: dict[str, list[tuple[ast.Call, bool]]] = program.cache[key]
    return found


def _name_loads(program: Program) -> dict[str, int]:
    key = ("name-loads",)
    if key not in program.cache:
        counts: dict[str, int] = {}
        for node in walk(program.tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                counts[node.id] = counts.get(node.id, 0) + 1
        program.cache[key] = counts
    found: dict[str, int] = program.cache[key]
    return found


def call_sites(program: Program, func: FuncNode) -> list[tuple[ast.Call, bool]] | None:
    """Calls of ``func`` in the program (with whether each is a method call), or None when it is also used
    as a value (callback, decorator registration) or never called, so its callers are unknown."""
    key = ("call-sites", id(func))
    if key in program.cache:
        cached: list[tuple[ast.Call, bool]] | None = program.cache[key]
        return cached
    escaped = any(program.dotted(d.func if isinstance(d, ast.Call) else d).split(".")[-1] not in PLAIN_DECORATORS
                  for d in func.decorator_list)
    sites: list[tuple[ast.Call, bool]] = []
    direct = 0
    for call, is_method in calls_by_name(program).get(func.name, []):
        if not is_method:
            sites.append((call, False))
            direct += 1
        elif func.name not in COMMON_METHODS or program.dotted(call.func.value) in (  # type: ignore[attr-defined]
                "self", "cls"):
            sites.append((call, True))
    if _name_loads(program).get(func.name, 0) > direct:
        escaped = True
    result = None if escaped or not sites else sites
    program.cache[key] = result
    return result


# -- static strings ----------------------------------------------------------------------------------------

def _format_spec_numeric(spec: ast.expr | None) -> bool:
    text = ""
    if isinstance(spec, ast.JoinedStr):
        text = "".join(const_str(v) or "" for v in spec.values)
    return bool(text) and text[-1] in NUMERIC_SPECS


def _percent_specs(fmt: str) -> list[str]:
    out = []
    k = 0
    while k < len(fmt):
        if fmt[k] == "%":
            j = k + 1
            if j < len(fmt) and fmt[j] == "%":
                k = j + 1
                continue
            while j < len(fmt) and fmt[j] in "#0- +.*0123456789()abcdefghjklmnopqrstuvwyzABCDEFGHIJKLMNOPQRSTUVWYZ_":
                if fmt[j] in "diouxXeEfFgGcrsa":
                    break
                j += 1
            if j < len(fmt):
                out.append(fmt[j])
            k = j + 1
        else:
            k += 1
    return out


class Static:
    """Answers "is this string fixed by the program itself?"; ``safe_calls`` add domain sanitisers."""

    def __init__(self, program: Program, *, safe_calls: Iterable[str] = (), composers: Iterable[str] = ()) -> None:
        self.program = program
        self.safe_calls = tuple(safe_calls)
        self.composers = tuple(composers)  # wrappers that are safe only around static text (psycopg's sql.SQL)
        self._memo: dict[tuple[int, str], bool] = {}
        self._sources = Taint(program, untrusted=False)

    def _safe_call(self, name: str) -> bool:
        last = name.split(".")[-1]
        return name in CAST_CALLS or any(name == s or name.endswith("." + s) or last == s for s in self.safe_calls)

    def static(self, node: ast.AST | None, scope: Scope | None = None, depth: int = 0) -> bool:
        if node is None or depth > MAX_DEPTH:
            return False
        if scope is None:
            scope = scope_of(self.program, node)
        if isinstance(node, ast.Constant):
            return True
        if self._sources.is_source(node):
            return False
        if isinstance(node, ast.Name):
            return self._name_static(node.id, scope, depth)
        if isinstance(node, ast.Attribute):
            if node.attr.isupper() or node.attr.lower() in ("placeholder", "placeholders", "paramstyle"):
                return True
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                return self._attr_static(node.attr, depth)
            return isinstance(node.value, (ast.Call, ast.Name)) and self.static(node.value, scope, depth + 1)
        if isinstance(node, ast.JoinedStr):
            for value in node.values:
                if isinstance(value, ast.FormattedValue) and not _format_spec_numeric(value.format_spec) and \
                        not self.static(value.value, scope, depth + 1):
                    return False
            return True
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Mod):
                fmt = const_str(node.left)
                if fmt is not None and _percent_specs(fmt) and all(s in NUMERIC_SPECS for s in _percent_specs(fmt)):
                    return True
            if isinstance(node.op, ast.BitAnd):  # set(fields) & ALLOWED: only allowed names survive
                return self.static(node.left, scope, depth + 1) or self.static(node.right, scope, depth + 1)
            return self.static(node.left, scope, depth + 1) and self.static(node.right, scope, depth + 1)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return all(self.static(e, scope, depth + 1) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(self.static(v, scope, depth + 1) for v in node.values)
        if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
            return self.static(node.elt, scope, depth + 1)
        if isinstance(node, ast.IfExp):
            return self.static(node.body, scope, depth + 1) and self.static(node.orelse, scope, depth + 1)
        if isinstance(node, ast.BoolOp):
            return all(self.static(v, scope, depth + 1) for v in node.values)
        if isinstance(node, ast.Subscript):
            return self.static(node.value, scope, depth + 1)
        if isinstance(node, ast.Call):
            return self._call_static(node, scope, depth)
        return False

    def _call_static(self, node: ast.Call, scope: Scope, depth: int) -> bool:
        name = self.program.call_name(node)
        if self._safe_call(name):
            return True
        if any(name == c or name.endswith("." + c) for c in self.composers):
            return all(self.static(a, scope, depth + 1) for a in node.args)
        helper = self.program.function_named(name) if isinstance(node.func, ast.Name) else None
        if helper is not None:  # a helper whose every return value is fixed (an allow-list lookup, a validator)
            returns = [r.value for r in walk_no_nested(helper) if isinstance(r, ast.Return) and r.value is not None]
            key = (id(helper), "returns")
            if key not in self._memo:
                self._memo[key] = False
                self._memo[key] = bool(returns) and all(self.static(r, scope_of(self.program, r), depth + 1)
                                                        for r in returns)
            return self._memo[key]
        root = name.split(".")[0]
        if isinstance(node.func, ast.Attribute) and root in self.program.imported and "()" not in root:
            # a library call on fixed arguments (``datetime.now().strftime("%Y")``, ``uuid.uuid4()``)
            return all(self.static(a, scope, depth + 1) for a in [*node.args, *(k.value for k in node.keywords)])
        if isinstance(node.func, ast.Attribute):
            method = node.func.attr
            receiver = node.func.value
            if method in BOOL_METHODS:
                return True
            if method == "get" and isinstance(receiver, (ast.Name, ast.Dict)):  # lookup in a constant mapping
                return self.static(receiver, scope, depth + 1) and all(
                    self.static(a, scope, depth + 1) for a in node.args[1:])
            args_ok = all(self.static(a, scope, depth + 1) for a in node.args) and all(
                self.static(kw.value, scope, depth + 1) for kw in node.keywords)
            return args_ok and self.static(receiver, scope, depth + 1)
        if name in ("str", "repr", "format", "sorted", "list", "tuple", "enumerate", "zip", "reversed", "dict"):
            return all(self.static(a, scope, depth + 1) for a in node.args)
        return False

    def _attr_static(self, attr: str, depth: int) -> bool:
        key = (0, "self." + attr)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = True
        values = attribute_values(self.program, attr)
        result = bool(values) and all(self.static(v, scope_of(self.program, v), depth + 1) for v in values)
        self._memo[key] = result
        return result

    def _name_static(self, name: str, scope: Scope, depth: int) -> bool:
        key = (id(scope), name)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = True  # optimistic on cycles: "x = x + '?'" stays static
        result: bool
        if name in scope.validated:
            result = True
        elif name in scope.params or name in scope.trusted_params:
            result = False
        elif name in scope.assigns or name in scope.loops:
            result = all(self.static(v, scope, depth + 1) for v in scope.assigns.get(name, [])) and all(
                self._iter_static(v, scope, depth + 1) for v in scope.loops.get(name, []))
        elif scope.parent is not None:
            result = self._name_static(name, scope.parent, depth + 1)
        else:
            result = name.isupper() and len(name) > 1  # an imported constant such as TABLE_NAME
        self._memo[key] = result
        return result

    def _iter_static(self, node: ast.expr, scope: Scope, depth: int) -> bool:
        if isinstance(node, ast.Call) and self.program.call_name(node) in ("range", "enumerate", "zip", "sorted"):
            return all(self.static(a, scope, depth) for a in node.args)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("items", "keys", "values"):
            return self.static(node.func.value, scope, depth)
        return self.static(node, scope, depth)


def dynamic_string(program: Program, node: ast.expr, static: Static) -> ast.expr | None:
    """The run-time-assembled string that reaches ``node`` with a non-static part, or None.

    Follows names to their assignments, so ``q = f"... {x}"; cur.execute(q)`` is found; a string that only
    splices constants, numbers, allow-listed names or placeholders passes.
    """
    for value in resolve(program, node):
        if builds_string(value) and not static.static(value):
            return value
    return None


# -- validation -------------------------------------------------------------------------------------------

STRONG_GUARDS = ("url_has_allowed_host_and_scheme", "is_safe_url", "ipaddress.ip_address", "socket.gethostbyname",
                 "socket.getaddrinfo")


def related_names(program: Program, func: ast.AST, target: ast.expr) -> set[str]:
    """Names holding the checked value or something derived from it (``parsed = urlparse(url)``)."""
    names = {n.id for n in walk(target) if isinstance(n, ast.Name)}
    for value in resolve(program, target):
        names |= {n.id for n in walk(value) if isinstance(n, ast.Name)}
    names.discard("request")
    for _ in range(3):
        for node in walk_no_nested(func):
            if isinstance(node, ast.Assign) and any(isinstance(n, ast.Name) and n.id in names
                                                    for n in walk(node.value)):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def validated(program: Program, func: ast.AST | None, target: ast.expr, guard: re.Pattern[str]) -> bool:
    """A check on the target (or values derived from it) that matches ``guard``, in a test or a helper call."""
    if func is None:
        return False
    names = related_names(program, func, target)
    if isinstance(target, ast.Name) and target.id in scope_of(program, target).validated:
        return True
    for node in walk_no_nested(func):
        test = node.test if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Assert)) else None
        if test is not None and any(isinstance(n, ast.Name) and n.id in names for n in walk(test)):
            if guard.search(unparse(test)) or any(
                    isinstance(n, ast.Name) and n.id in scope_of(program, n).validated for n in walk(test)):
                return True
        if isinstance(node, ast.Call) and any(isinstance(n, ast.Name) and n.id in names
                                              for a in node.args for n in walk(a)):
            name = program.call_name(node)
            last = name.split(".")[-1]
            if any(name.endswith(g) for g in STRONG_GUARDS):
                return True
            helper = program.function_named(last)
            if helper is not None and helper is not func:
                if guard.search(unparse(helper)):
                    return True
            elif validation_name(last):
                return True
    return False


NOT_VALIDATORS = frozenset({"check_output", "check_call", "check_password", "check_password_hash", "checkpw",
                            "is_authenticated", "isinstance", "is_file", "is_dir", "isfile", "isdir", "exists",
                            "is_active", "is_set", "is_alive"})


def validation_name(name: str) -> bool:
    """A function named like a check of its argument (``is_safe_url``, ``validate_host``, ``allowed_file``)."""
    ws = words(name)
    if not ws or name in NOT_VALIDATORS:
        return False
    return ws[0] in ("is", "validate", "valid", "check", "verify", "ensure", "assert", "sanitize", "clean") or \
        bool(set(ws) & {"allowed", "safe", "valid", "allowlist", "whitelist", "permitted", "trusted"})
