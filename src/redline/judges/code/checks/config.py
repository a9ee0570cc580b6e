"""Configuration checks: credentials in source and debug mode left on (logging: ``checks_logging``).

A secret literal counts when it is bound to a secret-looking name (assignment, keyword, dict key, default,
comparison) or has a well-known key format; values that are clearly not secrets (env-var names, header
names, messages, empty placeholders) are skipped.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import resolve
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.program import (
    Program,
    arg,
    const_str,
    finding,
    is_true,
    kwarg,
    target_name,
    words,
)
from redline.judges.code.analysis.trees import unparse, walk
from redline.judges.code.analysis.words import is_password_name, is_secret_name, leaf_name
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

KEY_FORMATS = hinted(
    r"(AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|sk_live_[0-9A-Za-z]{10,}|rk_live_[0-9A-Za-z]{10,}|sk-[A-Za-z0-9_-]{20,}|"
    r"ghp_[A-Za-z0-9]{30,}|gho_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abpr]-[A-Za-z0-9-]{10,}|"
    r"AIza[0-9A-Za-z_-]{35}|-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----|"
    r"SG\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20})")
DB_URL_CREDS = hinted(r"^[a-z][a-z0-9+.-]*://[^/\s:@{}]+:([^@\s/{}]+)@", re.IGNORECASE)
NOT_SECRET_VALUE = hinted(
    r"^(\s*|none|null|nil|true|false|\*+|x+|\.+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|%s|\{[a-z_]*\}|"
    r"bearer|basic|token|password|secret|api[_-]?key|authorization|x-[\w-]+|"
    r"changeme_in_env|hs256|hs384|hs512|rs256|es256|utf-?8|sha256|pbkdf2.*|bcrypt|argon2|json|text/.*|"
    r"application/.*)$", re.IGNORECASE)
ENV_VAR_NAME = hinted(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")  # the name of a variable, not its value
SECRET_POSITIONAL = {"jwt.encode": 1, "jwt.decode": 1, "hmac.new": 0, "hmac.digest": 0, "Fernet": 0,
                     "cryptography.fernet.Fernet": 0, "itsdangerous.URLSafeTimedSerializer": 0,
                     "itsdangerous.URLSafeSerializer": 0, "URLSafeTimedSerializer": 0, "Serializer": 0}
APP_OBJECTS = hinted(r"(app|application|server|flask|api|socketio|site)$", re.IGNORECASE)


def _secret_value(value: ast.AST | None) -> str | None:
    text = const_str(value)
    if text is None:
        return None
    stripped = text.strip()
    if NOT_SECRET_VALUE.match(stripped) or ENV_VAR_NAME.match(stripped) or len(stripped.split()) >= 3:
        return None
    if stripped.startswith(("http://", "https://", "/", "./", "sqlite:")) and not DB_URL_CREDS.match(stripped):
        return None
    return stripped


def _in_demo(program: Program, node: ast.AST) -> bool:
    """Inside ``if __name__ == "__main__":`` or a test/example function: sample data, not configuration."""
    for anc in program.ancestors(node):
        if isinstance(anc, ast.If) and "__main__" in unparse(anc.test):
            return True
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef)) and re.match(
                r"(test|example|demo|main$|_demo|seed|sample)", anc.name):
            return True
    return False


def _cwe_for(name: str) -> str:
    if is_password_name(name):
        return "CWE-259"
    return "CWE-321" if "key" in words(name) and set(words(name)) & {"secret", "signing", "encryption", "aes",
                                                                     "hmac", "jwt", "fernet", "private"} else "CWE-798"


@check("no-hardcoded-secrets", cwes=("CWE-798", "CWE-259"), title="credentials from the environment")
def check_secrets(program: Program) -> list[Finding]:
    out: list[Finding] = []
    seen: set[int] = set()

    def report(node: ast.AST, name: str, severity: str, message: str) -> None:
        line = getattr(node, "lineno", 0)
        if line in seen:
            return
        seen.add(line)
        if _in_demo(program, node) and severity != "high-format":
            severity = "low"
        out.append(finding("no-hardcoded-secrets", _cwe_for(name), "high" if severity == "high-format" else severity,
                           node, message))

    for node in walk(program.tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                name = target_name(target)
                if name and is_secret_name(name) and _secret_value(node.value) is not None:
                    report(node, name, "high", f"hard-coded credential in {name}")
        elif isinstance(node, ast.keyword) and node.arg and is_secret_name(node.arg) and \
                _secret_value(node.value) is not None:
            report(node.value, node.arg, "high", f"hard-coded credential passed as {node.arg}=")
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=False):
                key_text = const_str(key) or ""
                if key_text and is_secret_name(key_text) and _secret_value(value) is not None:
                    report(value, key_text, "high", f"hard-coded credential under {key_text!r}")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.posonlyargs + node.args.args
            for a, default in zip(args[len(args) - len(node.args.defaults):], node.args.defaults, strict=False):
                if is_secret_name(a.arg) and _secret_value(default) is not None:
                    report(default, a.arg, "high", f"hard-coded default for {a.arg}")
        elif isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            for side, other in ((node.left, node.comparators[0]), (node.comparators[0], node.left)):
                leaf = leaf_name(side)
                if leaf and (is_secret_name(leaf) or is_password_name(leaf)) and _secret_value(other) is not None \
                        and not isinstance(side, ast.Constant):
                    report(node, leaf, "high", f"{leaf} compared with a hard-coded value")
        elif isinstance(node, ast.Call):
            _call_secrets(program, node, report)
        text = const_str(node)
        if text is not None and (KEY_FORMATS.search(text) or DB_URL_CREDS.match(text.strip())):
            match = DB_URL_CREDS.match(text.strip())
            if match and (match.group(1).startswith(("$", "%", "{")) or NOT_SECRET_VALUE.match(match.group(1))):
                continue
            report(node, "secret", "high-format", "credential literal (key format or URL with password)")
    return out


def _call_secrets(program: Program, call: ast.Call, report: object) -> None:
    assert callable(report)
    name = program.call_name(call)
    for key, index in SECRET_POSITIONAL.items():
        if name == key or name.endswith("." + key):
            value = arg(call, index)
            if value is not None and any(_secret_value(v) is not None for v in resolve(program, value)):
                report(call, "secret_key", "high", f"hard-coded key passed to {key}()")
    if isinstance(call.func, ast.Attribute) and call.func.attr in ("login", "auth_plain", "authenticate") and \
            len(call.args) >= 2 and _secret_value(call.args[1]) is not None:
        report(call, "password", "high", f"hard-coded password passed to {call.func.attr}()")
    if name in ("os.environ.get", "os.getenv", "environ.get", "os.environ.setdefault") and len(call.args) >= 2:
        var = const_str(call.args[0]) or ""
        if is_secret_name(var) and _secret_value(call.args[1]) is not None:
            report(call, var, "medium", f"hard-coded fallback for {var}")


@check("no-debug-mode", cwes=("CWE-489", "CWE-215"), title="debug mode off")
def check_debug(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        last = name.split(".")[-1]
        for key in ("debug", "use_debugger", "use_evalex"):
            value = kwarg(call, key)
            if value is None:
                continue
            truthy = any(is_true(v) for v in resolve(program, value))
            receiver = program.dotted(call.func.value) if isinstance(call.func, ast.Attribute) else ""
            if truthy and (last in ("run", "run_simple", "FastAPI", "Starlette", "Sanic", "Quart", "Flask") or
                           APP_OBJECTS.search(receiver) or name == "uvicorn.run"):
                out.append(finding("no-debug-mode", "CWE-489", "medium", call, f"app started with {key}=True"))
        if last == "DebuggedApplication":
            out.append(finding("no-debug-mode", "CWE-489", "high", call, "Werkzeug debugger wrapped around the app"))
        if last == "update" and "config" in name and is_true(kwarg(call, "DEBUG")):
            out.append(finding("no-debug-mode", "CWE-489", "medium", call, "DEBUG=True in app config"))
    web = program.uses_module("flask", "django", "fastapi", "starlette", "quart", "bottle")
    for node in walk(program.tree):
        if not isinstance(node, ast.Assign) or not is_true(node.value):
            continue
        for target in node.targets:
            key = target_name(target)
            if isinstance(target, ast.Attribute) and target.attr == "debug" and APP_OBJECTS.search(
                    program.dotted(target.value)):
                out.append(finding("no-debug-mode", "CWE-489", "medium", node, "app.debug = True"))
            elif isinstance(target, ast.Subscript) and key.upper() == "DEBUG" and "config" in program.dotted(
                    target.value):
                out.append(finding("no-debug-mode", "CWE-489", "medium", node, "DEBUG = True in app config"))
            elif isinstance(target, ast.Name) and target.id in ("DEBUG", "TEMPLATE_DEBUG") and web and \
                    _debug_used(program, target.id):
                out.append(finding("no-debug-mode", "CWE-489", "medium", node, f"{target.id} = True hard-coded"))
    return out


def _debug_used(program: Program, name: str) -> bool:
    """A module-level DEBUG flag counts in Django settings or when an app config reads it."""
    if "django" in program.imported or "INSTALLED_APPS" in program.code:
        return True
    return bool(re.search(r"(from_object|config\.from_|debug\s*=\s*" + name + r"\b)", program.code))
