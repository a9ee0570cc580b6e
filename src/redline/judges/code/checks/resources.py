"""Resource, encoding and input-handling checks for robustness weaknesses.

Rules, all low (they count when a task asks about their weakness): a file, socket or connection opened
outside ``with`` and never closed, a temporary file kept with no removal, a module-level list that functions
only ever grow (404/772/459/401); archive extraction or decompression with no size bound (409); bytes
decoded with a codec other than the one the program encodes with (175), or external bytes decoded strictly
with no ``UnicodeDecodeError`` handling (176); Unicode normalisation after validation (180); a deny-list
of dangerous literals used to reject input, or stripping ``<script>`` with ``replace`` (184); a caller's
string used as a format template (134); a caller's value logged with ``%s`` or interpolation and never
validated or escaped (117).
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.program import Program, const_str, const_strings, finding
from redline.judges.code.analysis.trees import walk
from redline.judges.code.checks.catalogue import check
from redline.judges.code.checks.robust_facts import body_nodes, callee_name, derived_names, guarded_by, names_in, params
from redline.records import Finding

OPENERS = frozenset({"open", "io.open", "os.fdopen", "socket.socket", "socket.create_connection", "sqlite3.connect",
                     "urllib.request.urlopen", "tarfile.open", "zipfile.ZipFile"})
CLOSERS = ("closing", "enter_context")
TEMP_KEEPERS = frozenset({"tempfile.mkstemp", "tempfile.mkdtemp"})
REMOVERS = ("remove", "unlink", "rmtree", "rmdir", "cleanup")
DECOMPRESS = frozenset({"zlib.decompress", "gzip.decompress", "bz2.decompress", "lzma.decompress"})
DANGEROUS = re.compile(r"(<\s*/?\s*(script|img|iframe|svg|a\b)|javascript:|onerror|\.\./|;\s*\w|\|\||&&|`|\$\(|"
                       r"\b(drop|delete|union|select|insert)\s|\brm\s)", re.IGNORECASE)
UNICODE_CODECS = re.compile(r"^(utf[-_]?(8|16|32)([-_]?(le|be))?|latin[-_]?1|iso[-_]?8859[-_]?\d+|ascii|cp\d+)$",
                            re.IGNORECASE)
ASCII_ENCODERS = re.compile(r"(b\d\dencode|hexlify|a85encode|b85encode|hexdigest)$")
DECODE_ERRORS = frozenset({"UnicodeDecodeError", "UnicodeError", "ValueError", "Exception", "BaseException"})
LOG_LEVELS = frozenset({"debug", "info", "warning", "warn", "error", "critical", "exception"})
ESCAPERS = frozenset({"replace", "sub", "escape", "match", "fullmatch", "search", "isalnum", "isprintable",
                      "isidentifier", "quote", "dumps", "encode", "translate"})


@check("resources-released", cwes=("CWE-404", "CWE-772", "CWE-775", "CWE-459", "CWE-401"),
       title="resources are closed or removed")
def check_released(program: Program) -> list[Finding]:
    out: list[Finding] = []
    code = program.code
    for node in walk(program.tree):
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Call) or len(node.targets) != 1:
            continue
        name = program.call_name(node.value)
        target = program.dotted(node.targets[0]) if isinstance(node.targets[0], (ast.Name, ast.Attribute)) else ""
        leaf = target.split(".")[-1]
        if not leaf:
            continue
        if name in OPENERS and not re.search(rf"\b{re.escape(leaf)}\s*\.\s*(close|shutdown|__exit__)\b|"
                                             rf"closing\(\s*{re.escape(leaf)}|with\s+{re.escape(leaf)}\b", code):
            out.append(finding("resources-released", "CWE-772", "low", node,
                               f"{leaf} = {name}() is never closed (use with)"))
        elif (name in TEMP_KEEPERS or (name.endswith("NamedTemporaryFile") and any(
                k.arg == "delete" and isinstance(k.value, ast.Constant) and k.value.value is False
                for k in node.value.keywords))) and not any(r in code for r in REMOVERS):
            out.append(finding("resources-released", "CWE-459", "low", node,
                               f"temporary file from {name}() is never removed"))
    for call in program.calls:  # open(p) handed straight to another call or read inline: nothing closes it
        parent = program.parent(call)
        if program.call_name(call) not in ("open", "io.open") or not isinstance(parent, (ast.Call, ast.Attribute)):
            continue
        if isinstance(parent, ast.Call) and (parent.func is call or callee_name(parent) in CLOSERS):
            continue
        out.append(finding("resources-released", "CWE-772", "low", call,
                           "a file opened inline is never closed (use with)"))
    out.extend(_growing_globals(program))
    return out


def _growing_globals(program: Program) -> list[Finding]:
    """Module-level lists or dicts that functions add to and nothing ever empties."""
    holders = {t.id: stmt for stmt in program.tree.body if isinstance(stmt, ast.Assign)
               and isinstance(stmt.value, (ast.List, ast.Dict)) and not getattr(stmt.value, "elts", None)
               and not getattr(stmt.value, "keys", None) for t in stmt.targets if isinstance(t, ast.Name)}
    out = []
    for name, stmt in holders.items():
        grows = any(isinstance(c.func, ast.Attribute) and c.func.attr in ("append", "extend", "add", "setdefault")
                    and isinstance(c.func.value, ast.Name) and c.func.value.id == name
                    and program.enclosing_function(c) is not None for c in program.calls)
        empties = any(isinstance(c.func, ast.Attribute) and c.func.attr in ("clear", "pop", "remove", "popitem")
                      and isinstance(c.func.value, ast.Name) and c.func.value.id == name for c in program.calls) or \
            any(isinstance(n, ast.Delete) for n in walk(program.tree)) or \
            any(isinstance(n, (ast.Assign, ast.Global)) and n is not stmt and name in
                ([t.id for t in n.targets if isinstance(t, ast.Name)] if isinstance(n, ast.Assign) else n.names)
                for n in walk(program.tree))
        if grows and not empties:
            out.append(finding("resources-released", "CWE-401", "low", stmt,
                               f"{name} only grows: what is added to it is never released"))
    return out


@check("decompression-bounded", cwes=("CWE-409",), title="archives and compressed data are size-bounded")
def check_decompression(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if "decompress" not in program.code and "extract" not in program.code:
        return out
    sized = re.search(r"\b(file_size|compress_size|getinfo|infolist|max_length|\.size\b|MAX_\w*SIZE)", program.code)
    for call in program.calls:
        name = program.call_name(call)
        attr = callee_name(call)
        if name in DECOMPRESS and len(call.args) < 3 and not sized:
            out.append(finding("decompression-bounded", "CWE-409", "low", call,
                               f"{name}() expands without a size limit (decompression bomb)"))
        elif attr in ("extractall", "extract") and isinstance(call.func, ast.Attribute) and not sized and \
                program.uses_module("zipfile", "tarfile", "shutil"):
            out.append(finding("decompression-bounded", "CWE-409", "low", call,
                               "archive extracted with no check of the members' sizes"))
    return out


def _codec(node: ast.AST | None) -> str:
    text = const_str(node)
    return re.sub(r"[-_]", "", text.lower()) if text and UNICODE_CODECS.match(text) else ""


@check("encoding-consistent", cwes=("CWE-175", "CWE-176"), title="text is decoded with its own codec, safely")
def check_encoding(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if ".decode" not in program.code:
        return out
    encoded: set[str] = set()
    decodes: list[tuple[ast.Call, str]] = []
    for call in program.calls:
        attr = callee_name(call)
        if attr == "encode" and call.args:
            encoded.add(_codec(call.args[0]))
        for kw in call.keywords:
            if kw.arg == "encoding":
                encoded.add(_codec(kw.value))
        if attr == "decode" and isinstance(call.func, ast.Attribute):
            decodes.append((call, _codec(call.args[0]) if call.args else "utf8"))
    encoded.discard("")
    for call, codec in decodes:
        if any(k.arg == "errors" for k in call.keywords) or len(call.args) > 1:
            continue  # an explicit error policy is a decision, not an oversight
        assert isinstance(call.func, ast.Attribute)
        if isinstance(call.func.value, ast.Call) and ASCII_ENCODERS.search(program.call_name(call.func.value)):
            continue  # the result of an encoder (b64encode(...).decode()) is plain ASCII
        if codec and encoded and codec not in encoded and {codec, *encoded} & {"utf8"}:
            out.append(finding("encoding-consistent", "CWE-175", "low", call,
                               f"decodes as {codec} data the program encodes as {'/'.join(sorted(encoded))}"))
            continue
        func = program.enclosing_function(call)
        if func is None:
            continue
        if names_in(call.func.value) & set(params(func)) and not guarded_by(program, call, DECODE_ERRORS):
            out.append(finding("encoding-consistent", "CWE-176", "low", call,
                               f"{func.name}() decodes a caller's bytes strictly with no UnicodeDecodeError "
                               f"handling"))
    return out


@check("canonicalize-first", cwes=("CWE-180",), title="input is normalised before it is validated")
def check_canonical_order(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if "normalize" not in program.code:
        return out
    for func in program.functions:
        nodes = sorted((n for n in body_nodes(func) if isinstance(n, ast.Call) or
                        (isinstance(n, ast.Compare) and isinstance(n.ops[0], (ast.In, ast.NotIn)))),
                       key=lambda n: (n.lineno, n.col_offset))
        validated: dict[str, int] = {}
        for call in nodes:
            if isinstance(call, ast.Compare):  # a deny-list or substring test validates what it searches
                for n in names_in(call.comparators[0]):
                    validated.setdefault(n, call.lineno)
                continue
            name = program.call_name(call)
            if name.startswith("re.") or callee_name(call) in ("startswith", "endswith", "isalnum", "fullmatch"):
                for n in names_in(call):
                    validated.setdefault(n, call.lineno)
            if name.endswith("normalize") and len(call.args) >= 2:
                early = {n for n, line in validated.items() if line < call.lineno}
                late = derived_names(func, names_in(call.args[1])) & early
                if late:
                    out.append(finding("canonicalize-first", "CWE-180", "low", call,
                                       f"{sorted(late)[0]} is normalised after it was validated"))
    return out


@check("allow-list-validation", cwes=("CWE-184",), title="input is accepted from an allow-list, not a deny-list")
def check_deny_list(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for node in walk(program.tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 and \
                isinstance(node.test.ops[0], ast.In):
            literals = const_strings(node.test.comparators[0]) + ([s] if (s := const_str(node.test.left)) else [])
            rejects = any(isinstance(s, (ast.Raise, ast.Return)) or
                          (isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and
                           callee_name(s.value) in ("abort", "exit")) for s in node.body)
            if rejects and any(DANGEROUS.search(lit) for lit in literals):
                out.append(finding("allow-list-validation", "CWE-184", "low", node,
                                   "input is rejected by a list of known-bad values; anything unlisted passes"))
        elif isinstance(node, ast.Call) and callee_name(node) == "replace" and node.args and \
                DANGEROUS.search(const_str(node.args[0]) or "") and const_str(node.args[1:2][0] if node.args[1:]
                                                                           else None) == "":
            out.append(finding("allow-list-validation", "CWE-184", "low", node,
                               "strips a known-bad token from input; variants and nesting get through"))
    return out


@check("format-string-fixed", cwes=("CWE-134",), title="format templates are not taken from callers")
def check_format_string(program: Program) -> list[Finding]:
    out: list[Finding] = []
    templates: dict[int, list[tuple[ast.AST, ast.Name]]] = {}
    for node in walk(program.tree):
        template: ast.AST | None = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("format", "format_map") and isinstance(node.func.value, ast.Name):
            template = node.func.value
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Name) \
                and not isinstance(node.right, ast.Constant):
            template = node.left
        func = program.enclosing_function(node) if isinstance(template, ast.Name) else None
        if func is not None and isinstance(template, ast.Name):
            templates.setdefault(id(func), []).append((node, template))
    for func in program.functions:
        if id(func) not in templates:
            continue
        external = derived_names(func, set(params(func)) | {n.targets[0].id for n in body_nodes(func)
                                                            if isinstance(n, ast.Assign)
                                                            and isinstance(n.targets[0], ast.Name)
                                                            and isinstance(n.value, ast.Call)
                                                            and callee_name(n.value) == "input"})
        for node, name in templates[id(func)]:
            if name.id in external:
                out.append(finding("format-string-fixed", "CWE-134", "low", node,
                                   f"{name.id} comes from the caller and is used as a format template"))
    return out


def _log_call(program: Program, call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute) or call.func.attr not in LOG_LEVELS:
        return False
    return any(w in program.dotted(call.func.value).lower() for w in ("log", "logger", "logging"))


@check("log-input-neutralized", cwes=("CWE-117",), title="values from callers are escaped before logging")
def check_log_input(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if "log" not in program.code:
        return out
    for func in program.functions:
        names = set(params(func))
        if not names:
            continue
        cleaned = {n for node in body_nodes(func) if isinstance(node, ast.Call) and callee_name(node) in ESCAPERS
                   for n in names_in(node)}
        cleaned |= {n for node in body_nodes(func) if isinstance(node, ast.If) for n in names_in(node.test)}
        for node in body_nodes(func):
            if not isinstance(node, ast.Call) or not _log_call(program, node) or not node.args:
                continue
            template = const_str(node.args[0]) or ""
            raw = {a.id for a in node.args[1:] if isinstance(a, ast.Name)} if "%s" in template else set()
            if not isinstance(node.args[0], ast.Constant):
                raw |= names_in(node.args[0])
            hit = (raw & names) - cleaned
            if hit:
                out.append(finding("log-input-neutralized", "CWE-117", "low", node,
                                   f"{sorted(hit)[0]} is written to the log unescaped (CR/LF forge entries)"))
    return out
