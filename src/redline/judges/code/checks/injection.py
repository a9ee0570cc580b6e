"""Injection checks: SQL, OS commands, eval, template and HTML output.

Each asks whether a string assembled at run time from values the program does not fix itself reaches an
interpreter (a database, a shell, Python, a browser), unless a sanitiser for that interpreter stands between.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import Static, Taint, builds_string, dynamic_string, resolve, validated
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.program import (
    Program,
    arg,
    const_str,
    finding,
    is_false,
    is_true,
    kwarg,
    words,
)
from redline.judges.code.analysis.taintflow import always, settle
from redline.judges.code.analysis.trees import unparse, walk
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

SQL_SINKS = frozenset({"execute", "executemany", "executescript", "mogrify", "exec_driver_sql", "raw", "RawSQL",
                       "read_sql", "read_sql_query", "text", "query", "execute_sql", "fetch", "fetchrow", "fetchval",
                       "run_sql"})
SQL_ALWAYS = frozenset({"execute", "executemany", "executescript", "mogrify", "exec_driver_sql", "RawSQL",
                        "execute_sql"})
SQL_SAFE_CALLS = ("sql.Identifier", "sql.Literal", "sql.Placeholder", "Identifier", "Literal", "Placeholder",
                  "quote_ident", "quote_identifier", "escape_identifier")
SQL_COMPOSERS = ("SQL", "sql.SQL", "psycopg2.sql.SQL", "psycopg.sql.SQL")  # safe only around static text
SQL_WORDS = hinted(r"\b(select|insert|update|delete|create|drop|alter|replace|where|from|values|order\s+by|"
                       r"pragma|truncate|join|limit|set)\b", re.IGNORECASE)
SHELL_CALLS = frozenset({"os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "commands.getoutput",
                         "commands.getstatusoutput", "subprocess.getoutput", "subprocess.getstatusoutput",
                         "platform.popen", "asyncio.create_subprocess_shell", "popen2.popen2", "pexpect.run",
                         "pexpect.spawn"})
SUBPROCESS_CALLS = frozenset({"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
                              "subprocess.Popen"})
SHELLS = frozenset({"sh", "bash", "/bin/sh", "/bin/bash", "zsh", "cmd", "cmd.exe", "powershell", "pwsh", "/bin/zsh"})
SHELL_SAFE_CALLS = ("shlex.quote", "pipes.quote", "shlex.join", "quote")
def _constant_text(program: Program, node: ast.expr, depth: int = 0) -> str:
    """Literal text that reaches ``node``, through names (``QUERY.format(...)`` reads QUERY's text too)."""
    out = []
    for value in resolve(program, node):
        for sub in walk(value):
            text = const_str(sub)
            if text is not None:
                out.append(text)
            elif isinstance(sub, ast.Name) and sub is not node and depth < 2:
                out.append(_constant_text(program, sub, depth + 1))
    return " ".join(out)


def _sqlalchemy_text(program: Program, call: ast.Call) -> bool:
    """``sqlalchemy.text(...)`` (or ``sa.text``): always SQL, whatever the string looks like."""
    name = program.call_name(call)
    return name.startswith("sqlalchemy") and name.endswith(".text")


SQL_TEXT_NAMES = frozenset({"sql", "query", "queries", "stmt", "statement", "statements", "script", "ddl", "dml",
                            "command", "cmd", "raw", "migration", "migrations", "schema", "q", "select", "insert",
                            "update", "delete", "template", "operation"})


def _input_as_sql(program: Program, query: ast.expr, user: Taint, untrusted: Taint) -> str | None:
    """A value from outside run whole as the statement (``cur.execute(term)``): request data always; a caller's
    parameter when its name says it is data (``term``, ``name``), not SQL text (a ``run(sql)`` helper is fine)."""
    for value in resolve(program, query):
        if isinstance(value, ast.Constant) or builds_string(value):
            continue
        if user.tainted(value):
            return f"input ({unparse(value)[:40]})"
        if isinstance(value, ast.Name) and untrusted.tainted(value) and not set(words(value.id)) & SQL_TEXT_NAMES:
            return f"the caller's {value.id!r}"
    return None


@check("sql-parameterized", cwes=("CWE-89",), title="SQL uses placeholders")
def check_sql(program: Program) -> list[Finding]:
    static = Static(program, safe_calls=SQL_SAFE_CALLS, composers=SQL_COMPOSERS)
    taint = Taint(program, untrusted=True)
    user = Taint(program, untrusted=False)
    out = []
    for call in program.calls:
        func = call.func
        method = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if method not in SQL_SINKS:
            continue
        name = program.call_name(call)
        if method == "text" and "sqlalchemy" not in name and "sqlalchemy" not in program.imported:
            continue
        query = arg(call, 0, "sql") or kwarg(call, "statement") or kwarg(call, "query") or kwarg(call, "operation")
        if query is None:
            continue
        if isinstance(query, ast.Call) and _sqlalchemy_text(program, query):
            continue  # execute(text(q)): the text() call is judged itself
        bad = dynamic_string(program, query, static)
        if bad is None:
            whole = _input_as_sql(program, query, user, taint) if method in SQL_ALWAYS or \
                _sqlalchemy_text(program, call) else None
            if whole is not None:
                out.append(finding("sql-parameterized", "CWE-89", "high", call,
                                   f"{whole} is executed as the SQL statement itself; run fixed SQL and pass "
                                   "the value as a parameter"))
            continue
        if method not in SQL_ALWAYS and not _sqlalchemy_text(program, call) and \
                not SQL_WORDS.search(_constant_text(program, query)):
            continue
        high = taint.tainted(bad)
        out.append(finding("sql-parameterized", "CWE-89", "high" if high else "medium", call,
                           f"SQL assembled from {'input' if high else 'variables'} reaches {method}(); "
                           "use placeholders and pass the values separately"))
    for call in program.calls:  # Django .extra(where=[f"..."])
        if isinstance(call.func, ast.Attribute) and call.func.attr == "extra":
            for key in ("where", "select", "tables"):
                value = kwarg(call, key)
                if isinstance(value, (ast.List, ast.Tuple)) and any(
                        dynamic_string(program, e, static) is not None for e in value.elts):
                    out.append(finding("sql-parameterized", "CWE-89", "high", call,
                                       "SQL assembled at run time in QuerySet.extra()"))
    return settle(program, out, check_id="sql-parameterized", cwe="CWE-89", sink="sql", what="an SQL statement",
                  add=always)


def _shell_command(program: Program, call: ast.Call) -> ast.expr | None:
    name = program.call_name(call)
    method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    if name in SHELL_CALLS or method == "exec_command":
        return arg(call, 0, "command") or arg(call, 0, "cmd")
    if name in SUBPROCESS_CALLS or (method in ("run", "call", "check_output", "check_call", "Popen") and
                                    "subprocess" in program.imported and name.startswith("subprocess")):
        cmd = arg(call, 0, "args")
        shell = kwarg(call, "shell")
        if shell is not None and not is_false(shell):
            return cmd
        if isinstance(cmd, (ast.List, ast.Tuple)) and len(cmd.elts) >= 3:
            first, flag = const_str(cmd.elts[0]), const_str(cmd.elts[1])
            if first in SHELLS and flag in ("-c", "/c", "-Command"):
                return cmd.elts[2]
    return None


@check("no-shell-injection", cwes=("CWE-78",), title="no shell command built from values")
def check_shell(program: Program) -> list[Finding]:
    static = Static(program, safe_calls=SHELL_SAFE_CALLS)
    user = Taint(program, untrusted=False, sanitizers=SHELL_SAFE_CALLS)
    untrusted = Taint(program, untrusted=True, sanitizers=SHELL_SAFE_CALLS)
    out = []
    for call in program.calls:
        cmd = _shell_command(program, call)
        if cmd is None or isinstance(cmd, ast.Constant):
            continue
        bad = dynamic_string(program, cmd, static)
        from_input = user.tainted(cmd)
        if bad is None and not from_input and not (untrusted.tainted(cmd) and not builds_string(cmd)):
            continue
        high = from_input or untrusted.tainted(cmd)
        out.append(finding("no-shell-injection", "CWE-78", "high" if high else "medium", call,
                           f"shell command built from {'input' if high else 'variables'} in "
                           f"{program.call_name(call) or 'a shell call'}; pass an argument list without shell=True"))
    reported = {f.line for f in out}
    for call in program.calls:
        if call.lineno in reported:
            continue
        cmd = _shell_command(program, call)
        hit = _quoted_option(program, call, cmd, untrusted) if cmd is not None else \
            _argument_injection(program, call, untrusted)
        if hit is not None:
            out.append(finding("no-shell-injection", "CWE-88", "medium", call,
                               f"{unparse(hit)[:40]!r} from input can start with '-' and be read as an option; "
                               "validate it or put '--' before it"))
    return settle(program, out, check_id="no-shell-injection", cwe="CWE-78", sink="shell", what="a shell command",
                  add=always)


ARGV_CALLS = frozenset({"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
                        "subprocess.Popen", "asyncio.create_subprocess_exec", "os.execv", "os.execvp", "os.spawnv",
                        "os.spawnvp"})
OPTION_GUARD = re.compile(r"(startswith\(\s*['\"]-|fullmatch|\.match\(|ip_address|ip_network|isdigit|isalnum|"
                          r"isdecimal|ALLOWED|allowed|in\s+\(|valid|urlparse|urlsplit)")


VALUE_OPTIONS = frozenset({"-c", "-o", "-e", "-f", "-m", "-p", "-u", "-b", "-t", "-w", "-C", "-I", "-L", "-O", "-T",
                           "-A", "-B", "-H", "-U", "-P", "-F", "-k", "-W", "-n", "-S", "-D", "-g", "-G", "-X"})


def _takes_value(token: str) -> bool:
    """Whether an option usually consumes the next argument (``--branch x``, ``-c 1``); flags like ``-r`` do not."""
    return token.startswith("--") and len(token) > 2 and "=" not in token or token in VALUE_OPTIONS


def _quoted_option(program: Program, call: ast.Call, cmd: ast.expr, untrusted: Taint) -> ast.expr | None:
    """``f"grep {shlex.quote(term)} ..."``: quoting stops the shell, not ``-`` options; ``--`` before it does."""
    func = program.enclosing_function(call) or program.tree
    for value in resolve(program, cmd):
        if not isinstance(value, ast.JoinedStr):
            continue
        text_before = ""
        for part in value.values:
            if isinstance(part, ast.Constant):
                text_before += str(part.value)
                continue
            inner = part.value if isinstance(part, ast.FormattedValue) else None
            if isinstance(inner, ast.Call) and program.call_name(inner).split(".")[-1] == "quote" and inner.args:
                quoted = inner.args[0]
                tokens = text_before.split()
                after_option = bool(tokens) and _takes_value(tokens[-1]) and not text_before.endswith("=")
                safe = "--" in tokens or text_before.endswith(("=", "/", "./")) or after_option or \
                    not untrusted.tainted(quoted) or validated(program, func, quoted, OPTION_GUARD)
                if not safe:
                    return quoted
            text_before += "{}"
    return None


def _argv(program: Program, call: ast.Call) -> list[ast.expr] | None:
    name = program.call_name(call)
    if name not in ARGV_CALLS:
        return None
    if name == "asyncio.create_subprocess_exec":
        return list(call.args)
    if is_true(kwarg(call, "shell")):
        return None
    first = arg(call, 1 if name.startswith("os.") else 0, "args")
    if first is None:
        return None
    for value in resolve(program, first):
        if isinstance(value, (ast.List, ast.Tuple)):
            return list(value.elts)
    return None


def _option_safe(program: Program, elts: list[ast.expr], k: int, func: ast.AST) -> bool:
    before = [const_str(e) for e in elts[:k]]
    if "--" in before:
        return True
    value = elts[k]
    head = value.values[0] if isinstance(value, ast.JoinedStr) and value.values else value.left if isinstance(
        value, ast.BinOp) else None
    prefix = const_str(head) if head is not None else None
    if prefix and not prefix.startswith("-") or prefix and "=" in prefix:
        return True
    previous = before[-1] if before else None
    if previous and _takes_value(previous) and k >= 2:
        return True  # the value of an option such as --branch
    if re.search(r"(\.resolve\(\)|abspath|realpath|\.absolute\(\))", unparse(value)) or \
            _rooted(program, value):
        return True  # an absolute path starts with '/'
    return validated(program, func, value, OPTION_GUARD)


def _rooted(program: Program, value: ast.expr, depth: int = 0) -> bool:
    """A path the code roots at a fixed absolute base: ``Path("/srv") / x``, ``os.path.join("/srv", x)``, and
    names or ``str()`` of them; it starts with '/', so it cannot be read as an option."""
    if depth > 4:
        return False
    if isinstance(value, ast.Call) and program.call_name(value) in ("str", "os.fspath") and value.args:
        return _rooted(program, value.args[0], depth + 1)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div):
        return _rooted(program, value.left, depth + 1)
    if isinstance(value, ast.Call) and program.call_name(value).split(".")[-1] in ("Path", "PurePath", "join") \
            and value.args:
        first = const_str(value.args[0])
        return first is not None and first.startswith("/") or _rooted(program, value.args[0], depth + 1)
    if isinstance(value, ast.Name):
        found = [v for v in resolve(program, value) if v is not value]
        return bool(found) and all(_rooted(program, v, depth + 1) for v in found)
    return False


def _argument_injection(program: Program, call: ast.Call, untrusted: Taint) -> ast.expr | None:
    elts = _argv(program, call)
    if not elts or any(isinstance(e, ast.Starred) for e in elts):
        return None
    func = program.enclosing_function(call) or program.tree
    for k, elt in enumerate(elts[1:], start=1):
        if isinstance(elt, ast.Constant) or not untrusted.tainted(elt):
            continue
        if not _option_safe(program, elts, k, func):
            return elt
    return None


@check("no-eval", cwes=("CWE-95",), title="no eval/exec of input")
def check_eval(program: Program) -> list[Finding]:
    static = Static(program)
    untrusted = Taint(program, untrusted=True)
    user = Taint(program, untrusted=False)
    out = []
    for call in program.calls:
        name = program.call_name(call)
        if name in ("eval", "exec", "builtins.eval", "builtins.exec", "compile"):
            code = arg(call, 0, "source")
            if code is None or isinstance(code, ast.Constant) or static.static(code):
                continue
            high = untrusted.tainted(code)
            out.append(finding("no-eval", "CWE-95", "high" if high else "medium", call,
                               f"{name}() on {'input' if high else 'a run-time value'}; parse the data instead "
                               "(ast.literal_eval, json.loads, a small parser)"))
        elif name in ("__import__", "importlib.import_module") and user.tainted(arg(call, 0, "name")) and \
                not static.static(arg(call, 0, "name")):  # a lookup in a fixed table names a fixed module
            out.append(finding("no-eval", "CWE-94", "medium", call, "module imported by a name taken from input"))
        elif name.endswith(("render_template_string", "jinja2.Template", "Environment().from_string")) or \
                (name.endswith("from_string") and "jinja2" in program.imported):
            source = arg(call, 0, "source")
            if source is not None and (user.tainted(source) or dynamic_string(program, source, static) is not None
                                       and untrusted.tainted(source)):
                out.append(finding("no-eval", "CWE-94", "high", call,
                                   "template source built from input (server-side template injection)"))
    return settle(program, out, check_id="no-eval", cwe="CWE-95", sink="code", what="code that is run", add=always)
