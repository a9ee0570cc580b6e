"""The sensitive-logging check: secrets that reach a log or stdout sink, however the message is assembled.

A sink is a logger method (stdlib ``logging``, structlog including ``bind``, loguru, ``app.logger``) or a
print-like call. Every value a sink receives is followed through f-strings, ``%``/``.format``/concatenation,
``extra=`` dicts, keyword fields, containers and local assignments (one helper's ``return`` included), then
judged: a secret by name or by its label in the message (``"token=%s"``), a whole request body, headers or
form, a dict known to hold credentials (``payload["password"]`` is read elsewhere), or a string built from a
secret (a reset link carrying its token). Masked, hashed, truncated or length-only values are fine.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from redline.judges.code.analysis.flow import resolve, scope_of
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.program import FuncNode, Program, const_str, finding, walk_no_nested, words
from redline.judges.code.analysis.trees import unparse, walk
from redline.judges.code.analysis.words import LOG_HARMLESS, is_log_sensitive, leaf_name
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "critical", "exception", "log", "fatal",
                         "bind", "msg", "success", "trace", "notice", "new"})
LOGGER_WORDS = frozenset({"log", "logger", "logging", "structlog", "loguru", "audit", "logbook", "syslog", "_log"})
PRINT_SINKS = frozenset({"print", "pprint.pprint", "pprint", "click.echo", "click.secho", "typer.echo",
                         "sys.stdout.write", "sys.stderr.write", "rich.print", "console.print", "console.log"})
SINK_OPTIONS = frozenset({"exc_info", "stack_info", "stacklevel", "file", "sep", "end", "flush", "level", "err",
                          "fg", "bg", "bold", "nl", "style", "color"})
MASKERS = hinted(r"(mask|redact|hash|len\b|obfuscate|censor|last4|last_four|truncate|hide_password|fingerprint|"
                     r"\*\*\*)", re.IGNORECASE)
PEEL_CALLS = frozenset({"str", "repr", "dict", "vars", "json.dumps", "json.loads", "pprint.pformat", "pformat",
                        "copy.copy", "copy.deepcopy", "jsonable_encoder", "model_to_dict", "asdict",
                        "dataclasses.asdict"})
PEEL_METHODS = frozenset({"decode", "encode", "to_dict", "dict", "model_dump", "model_dump_json", "json", "copy",
                          "_asdict", "items", "strip", "lower", "upper", "to_json", "getvalue"})
KEYS_ONLY = frozenset({"keys", "list", "sorted", "len", "set", "tuple"})
REQUEST_ROOTS = ("request", "self.request", "flask.request", "req")
ALWAYS_SECRET_PARTS = frozenset({"headers", "cookies", "COOKIES", "META", "authorization"})
PAYLOAD_PARTS = frozenset({"form", "json", "data", "values", "body", "POST", "stream", "get_json", "get_data",
                           "content", "text", "media", "bounded_stream"})
CONTAINER_WORDS = frozenset({"headers", "header", "cookies", "config", "settings", "cfg", "conf", "environ",
                             "credentials", "creds", "secrets"})
DSN_WORDS = frozenset({"dsn", "connstr", "connectionstring", "databaseurl", "dburl", "databaseuri", "dburi",
                       "sqlalchemydatabaseuri", "brokerurl", "amqpurl"})
CREDENTIAL_HINT = hinted(r"(Authorization|Bearer|password|passwd|secret|api[_-]?key|token|credential|cvv|"
                             r"card_?number)", re.IGNORECASE)
LABEL_SECRET = hinted(r"(?<![a-z])(password|passwd|pwd|passphrase|secret|token|api[ _-]?key|cvv|cvc|"
                          r"card(?:\s*number)?|pan|authorization|credentials?|pin)\s*[:=]?\s*['\"(\[<]?$",
                          re.IGNORECASE)
GENERATORS = hinted(r"(generate|gen_|create|new_|make_|random)", re.IGNORECASE)
MAX_DEPTH = 4


def _glued(name: str) -> set[str]:
    ws = words(name)
    return set(ws) | {a + b for a, b in zip(ws, ws[1:], strict=False)} | {"".join(ws)}


class _Logging:
    """Per-program state: which names hold credential dicts, whether credentials appear at all."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.credentials_around = bool(CREDENTIAL_HINT.search(program.code))
        self.safe_reprs: set[str] = set()
        self.secret_holders = self._secret_holders()

    # -- sinks --------------------------------------------------------------------------------------------
    def _is_logger(self, receiver: ast.expr, depth: int = 0) -> bool:
        dotted = self.program.dotted(receiver)
        for part in re.split(r"[.()\[\]]+", dotted):
            if part and (_glued(part) & LOGGER_WORDS or part in ("getLogger", "get_logger")):
                return True
        if depth < 2 and isinstance(receiver, (ast.Name, ast.Attribute)):
            return any(v is not receiver and isinstance(v, ast.expr) and self._is_logger(v, depth + 1)
                       for v in resolve(self.program, receiver))
        if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and depth < 2:
            return self._is_logger(receiver.func.value, depth + 1)
        return False

    def sink(self, call: ast.Call) -> str | None:
        """``"log"`` or ``"print"`` for a sink call, else None."""
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in LOG_METHODS and self._is_logger(func.value):
            return "log"
        name = self.program.call_name(call)
        if name in PRINT_SINKS or name.split(".")[-1] in ("echo", "secho") and "click" in name:
            return "print"
        return None

    # -- what a sink receives -----------------------------------------------------------------------------
    def items(self, call: ast.Call) -> Iterator[tuple[ast.expr, str]]:
        """(value, label) pairs: each interpolated value with the text or key that names it."""
        args = list(call.args)
        fmt = const_str(args[0]) if args else None
        if fmt is not None and len(args) > 1:  # logging's lazy "%s" args, loguru's "{}"
            labels = _labels(fmt, len(args) - 1)
            for value, label in zip(args[1:], labels, strict=False):
                yield from self.flatten(value, label)
            args = args[:1]
        for a in args:
            yield from self.flatten(a, "")
        for kw in call.keywords:
            if kw.arg in SINK_OPTIONS:
                continue
            yield from self.flatten(kw.value, "" if kw.arg in (None, "extra") else kw.arg)

    def flatten(self, node: ast.expr, label: str, depth: int = 0) -> Iterator[tuple[ast.expr, str]]:
        if depth > 8:
            return
        if isinstance(node, ast.JoinedStr):
            text = ""
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    yield from self.flatten(part.value, text, depth + 1)
                    text = ""
                else:
                    text += const_str(part) or ""
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            yield from self.flatten(node.left, label, depth + 1)
            yield from self.flatten(node.right, _tail(node.left), depth + 1)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and const_str(node.left) is not None:
            right = node.right
            elts = right.elts if isinstance(right, ast.Tuple) else [right]
            if isinstance(right, ast.Dict):
                yield from self.flatten(right, "", depth + 1)
            else:
                for value, lab in zip(elts, _labels(const_str(node.left) or "", len(elts)), strict=False):
                    yield from self.flatten(value, lab, depth + 1)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            fmt = const_str(node.func.value) or ""
            for value, lab in zip(node.args, _labels(fmt, len(node.args)), strict=False):
                yield from self.flatten(value, lab, depth + 1)
            for kw in node.keywords:
                if kw.arg is not None:
                    yield from self.flatten(kw.value, kw.arg, depth + 1)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and \
                node.args:
            inner = node.args[0]
            yield from self.flatten(inner.elt if isinstance(inner, (ast.GeneratorExp, ast.ListComp)) else inner,
                                    label, depth + 1)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=False):
                if key is None:
                    yield from self.flatten(value, label, depth + 1)
                else:
                    yield from self.flatten(value, const_str(key) or "", depth + 1)
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            for elt in node.elts:
                yield from self.flatten(elt, label, depth + 1)
        elif isinstance(node, ast.Call) and self.program.call_name(node) == "dict" and node.keywords:
            for kw in node.keywords:
                yield from self.flatten(kw.value, kw.arg or "", depth + 1)
        elif isinstance(node, ast.IfExp):
            yield from self.flatten(node.body, label, depth + 1)
            yield from self.flatten(node.orelse, label, depth + 1)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                yield from self.flatten(value, label, depth + 1)
        elif not isinstance(node, ast.Constant):
            yield node, label

    # -- judging one value --------------------------------------------------------------------------------
    def leak(self, node: ast.expr, label: str, *, middleware: bool, depth: int = 0) -> str | None:
        """Why this value leaks a secret, or None."""
        if depth > MAX_DEPTH or isinstance(node, ast.Constant) or _masked(node):
            return None
        peeled = self._peel(node)
        if peeled is None:
            return None
        node = peeled
        leaf = leaf_name(node)
        if label and _label_secret(label) and \
                not (leaf and _glued(leaf) & LOG_HARMLESS):
            return f"{_short(node)!r} labelled {label.strip()[-20:]!r}"
        if leaf and (is_log_sensitive(leaf) or _glued(leaf) & DSN_WORDS):
            return f"sensitive value {_short(node)!r}"
        if isinstance(node, (ast.Attribute, ast.Subscript)) and leaf and words(leaf) and \
                words(leaf)[-1] in ("number", "num", "no", "code", "key", "value"):
            owner = leaf_name(node.value)
            if owner and is_log_sensitive(f"{owner}_{leaf}"):
                return f"sensitive value {_short(node)!r}"
        payload = self._request_part(node)
        if payload is not None:
            if payload in ALWAYS_SECRET_PARTS:
                return f"request {payload} (credentials, cookies) logged whole"
            if self.credentials_around or middleware:
                return f"request data {_short(node)!r} logged unredacted"
        if self._holds_secrets(node):
            return f"{_short(node)!r} holds credentials"
        if self._container(node):
            return f"{_short(node)!r} holds credentials"
        if isinstance(node, ast.Call) and self.program.call_name(node) in ("locals", "vars", "globals") and \
                not node.args:
            func = self.program.enclosing_function(node)
            if func is not None and any(is_log_sensitive(a.arg) for a in func.args.args + func.args.kwonlyargs):
                return "locals() with a secret logged"
        return self._derived(node, middleware, depth)

    def _peel(self, node: ast.expr) -> ast.expr | None:
        """Strip wrappers that keep the content (``str()``, ``json.dumps``, ``.decode()``, ``await``)."""
        for _ in range(8):
            if isinstance(node, ast.Await):
                node = node.value
            elif isinstance(node, ast.Attribute) and node.attr == "__dict__":
                node = node.value
            elif isinstance(node, ast.Call):
                name = self.program.call_name(node)
                last = name.split(".")[-1]
                if name in KEYS_ONLY or last == "keys":
                    return None
                if (name in PEEL_CALLS or last in ("dumps", "pformat")) and node.args:
                    node = node.args[0]
                elif isinstance(node.func, ast.Attribute) and node.func.attr in PEEL_METHODS and \
                        not self._request_part(node):
                    node = node.func.value
                else:
                    return node
            else:
                return node
        return node

    def _request_part(self, node: ast.expr) -> str | None:
        """``request.form`` / ``await request.json()`` / ``request.headers``: the part of the request, whole."""
        if isinstance(node, ast.Await):
            node = node.value
        target = node.func if isinstance(node, ast.Call) else node
        dotted = self.program.dotted(target)
        for root in REQUEST_ROOTS:
            if dotted.startswith(root + "."):
                rest = dotted[len(root) + 1:]
                part = rest.split(".")[0]
                if "[" in rest or "(" in rest.replace(part + "()", "", 1) or rest.count(".") > 0:
                    return None  # request.form["x"], request.headers.get("X"): one field, judged by name
                if part in ALWAYS_SECRET_PARTS or part in PAYLOAD_PARTS:
                    return part
        if dotted in ("os.environ", "environ"):
            return "environ"
        return None

    def _container(self, node: ast.expr) -> bool:
        """``config``, ``settings``, ``headers``, ``os.environ`` in a program that handles credentials."""
        if self.program.dotted(node) in ("os.environ", "environ"):
            return True
        leaf = leaf_name(node)
        return bool(leaf) and bool(words(leaf)) and words(leaf)[-1] in CONTAINER_WORDS and \
            self.credentials_around and isinstance(node, (ast.Name, ast.Attribute))

    def _holds_secrets(self, node: ast.expr) -> bool:
        key = _holder_key(node)
        return key is not None and key in self.secret_holders

    def _secret_holders(self) -> set[str]:
        """Names of dicts the program reads a secret from (``data["access_token"]``, ``form.get("password")``)
        or fills with one (``{"password": pw}``): logging them whole logs the secret."""
        holders: set[str] = set()
        secret_classes, self.safe_reprs = self._classes()
        for node in walk(self.program.tree):
            key_text: str | None = None
            owner: ast.expr | None = None
            if isinstance(node, ast.Subscript):
                key_text, owner = const_str(node.slice), node.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("get", "pop", "setdefault") and node.args:
                key_text, owner = const_str(node.args[0]), node.func.value
            if key_text and owner is not None and _secret_key(key_text):
                holder = _holder_key(owner)
                if holder is not None:
                    holders.add(holder)
            if isinstance(node, ast.Assign) and self._filled_with_secret(node.value, secret_classes):
                for target in node.targets:
                    holder = _holder_key(target)
                    if holder is not None:
                        holders.add(holder)
        return holders

    def _filled_with_secret(self, value: ast.expr, secret_classes: set[str]) -> bool:
        """``{"password": pw}``, ``dict(api_key=k)``, ``DbConfig(password=pw)`` or a settings class whose
        fields include a plain-text secret: its repr shows the secret."""
        pairs: list[tuple[str, ast.expr]] = []
        if isinstance(value, ast.Dict):
            pairs = [(const_str(k) or "", v) for k, v in zip(value.keys, value.values, strict=False) if k is not None]
        elif isinstance(value, ast.Call):
            name = self.program.call_name(value).split(".")[-1]
            if name in secret_classes:
                return True
            if name == "dict" or name[:1].isupper() and name not in self.safe_reprs:
                pairs = [(kw.arg, kw.value) for kw in value.keywords if kw.arg]
        return any(_secret_key(k) and not isinstance(v, ast.Constant) and not _masked(v) for k, v in pairs)

    def _classes(self) -> tuple[set[str], set[str]]:
        """(classes with a plain-text secret field in their repr, classes that hide them: own ``__repr__``,
        ``repr=False`` fields or ``SecretStr`` types)."""
        secret: set[str] = set()
        safe: set[str] = set()
        for node in walk(self.program.tree):
            if not isinstance(node, ast.ClassDef):
                continue
            methods = {n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            text = unparse(node)
            if methods & {"__repr__", "__str__"} or re.search(r"repr\s*=\s*False|Secret(Str|Bytes)", text):
                safe.add(node.name)
                continue
            for stmt in node.body:
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and \
                        is_log_sensitive(stmt.target.id):
                    secret.add(node.name)
        return secret, safe

    def _derived(self, node: ast.expr, middleware: bool, depth: int) -> str | None:
        """A local name (or a helper's result) built from a secret: ``link = url_for(..., token=t)``."""
        values: list[ast.expr] = []
        if isinstance(node, ast.Name):
            values = [v for v in resolve(self.program, node) if v is not node]
            scope = scope_of(self.program, node)
            for source in scope.loops.get(node.id, []):  # for k, v in config.items(): log(k, v)
                inner = self._peel(source)
                if inner is not None and inner is not source and (self._request_part(inner) or self._holds_secrets(
                        inner) or self._container(inner)):
                    return f"values of {_short(inner)!r} logged one by one"
        elif isinstance(node, ast.Call):
            name = self.program.call_name(node)
            last = name.split(".")[-1]
            if last in ("url_for", "urlencode", "reverse", "build_absolute_uri", "format_map"):
                for kw in node.keywords:
                    if kw.arg and is_log_sensitive(kw.arg) and not isinstance(kw.value, ast.Constant):
                        return f"{last}() carrying {kw.arg}"
                values = list(node.args)
            elif isinstance(node.func, ast.Name):
                helper = self.program.function_named(node.func.id)
                if helper is not None:
                    values = [r.value for r in walk_no_nested(helper) if isinstance(r, ast.Return) and r.value]
        for value in values:
            if isinstance(value, ast.Call) and self._request_part(value) is None and \
                    self.program.call_name(value).split(".")[-1] not in ("url_for", "urlencode", "reverse") and \
                    not isinstance(value.func, ast.Name) and not _builds(value):
                continue  # an arbitrary call's result (a user object, a response): not the secret itself
            for inner, label in self.flatten(value, ""):
                why = self.leak(inner, label, middleware=middleware, depth=depth + 1)
                if why is not None:
                    return why
        return None


def _builds(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format",
                                                                                                   "join")


def _holder_key(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
        return "self." + node.attr
    return None


def _label_secret(label: str) -> bool:
    """A key or keyword naming a secret (``api_key=``), or message text ending in one (``"token=%s"``)."""
    if re.fullmatch(r"[A-Za-z_][\w-]*", label):
        return is_log_sensitive(label)
    return bool(LABEL_SECRET.search(label))


def _secret_key(key: str) -> bool:
    return bool(key) and is_log_sensitive(key)


def _masked(node: ast.expr) -> bool:
    """Masked, hashed, redacted, length-only or a short slice (``key[-4:]``)."""
    if MASKERS.search(unparse(node)):
        return True
    for sub in walk(node):
        if isinstance(sub, ast.Subscript) and isinstance(sub.slice, ast.Slice):
            bounds = [b for b in (sub.slice.lower, sub.slice.upper) if b is not None]
            if bounds and all(isinstance(b, ast.Constant) or isinstance(b, ast.UnaryOp) for b in bounds):
                return True
    return False


def _tail(node: ast.expr) -> str:
    text = const_str(node)
    if text is None and isinstance(node, ast.JoinedStr) and node.values:
        text = const_str(node.values[-1])
    return text or ""


def _labels(fmt: str, count: int) -> list[str]:
    """The text before each placeholder (``%s``, ``%r``, ``{}``, ``{name}``) of a format string."""
    labels: list[str] = []
    for match in re.finditer(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrifxXaeEgGc]|\{[^{}]*\}", fmt):
        labels.append(fmt[:match.start()])
        if len(labels) >= count:
            break
    labels += [""] * (count - len(labels))
    return [label[-40:] for label in labels]


def _short(node: ast.expr) -> str:
    text = " ".join(unparse(node).split())
    return text[:40]


def _in_cli(program: Program, node: ast.AST) -> bool:
    for anc in program.ancestors(node):
        if isinstance(anc, ast.If) and "__main__" in unparse(anc.test):
            return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef)) and anc.name in ("main", "cli"):
            return True
    return False


def _generated_here(program: Program, value: ast.expr) -> bool:
    """A password printed right after a generator made it is the program's output, not a leak."""
    for resolved in resolve(program, value):
        if isinstance(resolved, ast.Call) and GENERATORS.search(program.call_name(resolved)):
            return True
    func = program.enclosing_function(value)
    return func is not None and bool(GENERATORS.search(func.name))


def _middleware(program: Program, func: FuncNode | None) -> bool:
    """Code that sees every request: a middleware, a ``before/after_request`` hook, a WSGI wrapper."""
    if func is None:
        return False
    text = " ".join(unparse(d) for d in func.decorator_list) + " " + func.name
    return bool(re.search(r"(middleware|before_request|after_request|before_app_request|process_request|"
                          r"dispatch|__call__)", text))


@check("no-sensitive-logging", cwes=("CWE-532",), title="no secrets in logs")
def check_logging(program: Program) -> list[Finding]:
    state = _Logging(program)
    out = []
    for call in program.calls:
        kind = state.sink(call)
        if kind is None:
            continue
        middleware = _middleware(program, program.enclosing_function(call))
        for value, label in state.items(call):
            why = state.leak(value, label, middleware=middleware)
            if why is None:
                continue
            if kind == "print" and why.startswith("sensitive value") and (
                    _in_cli(program, value) or _generated_here(program, value)):
                continue
            out.append(finding("no-sensitive-logging", "CWE-532", "medium", call,
                               f"{why} written to {'stdout' if kind == 'print' else 'the log'}"))
            break
    return out
