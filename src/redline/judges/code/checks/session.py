"""Session checks: cookie flags, session and token lifetime, fixation at login, JWT verification.

The reported failures in whole apps were missing session management: cookies readable by scripts or sent
over HTTP, tokens that never expire, sessions kept across login, and tokens accepted without a signature.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import Taint, resolve
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.program import (
    FuncNode,
    Program,
    arg,
    const_str,
    const_strings,
    finding,
    is_false,
    is_true,
    kwarg,
    walk_no_nested,
    words,
)
from redline.judges.code.analysis.trees import unparse, walk
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

AUTH_COOKIE_WORDS = frozenset({"session", "sess", "sid", "token", "auth", "jwt", "login", "remember", "user",
                               "access", "refresh", "uid", "account", "identity", "credentials", "sessionid",
                               "authorization", "bearer", "csrf", "xsrf", "id", "logged"})
COOKIE_CONFIG = {"SESSION_COOKIE_SECURE": "CWE-614", "SESSION_COOKIE_HTTPONLY": "CWE-1004",
                 "REMEMBER_COOKIE_SECURE": "CWE-614", "REMEMBER_COOKIE_HTTPONLY": "CWE-1004",
                 "JWT_COOKIE_SECURE": "CWE-614", "CSRF_COOKIE_SECURE": "CWE-614",
                 "CSRF_COOKIE_HTTPONLY": "CWE-1004"}
COOKIE_SETTINGS = ("SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_NAME", "SESSION_COOKIE_AGE",
                   "SESSION_ENGINE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_DOMAIN", "REMEMBER_COOKIE_HTTPONLY")
EXPIRY_HINTS = hinted(r"(\bexp\b|expir|max_age|maxage|ttl|lifetime|timedelta|PERMANENT_SESSION_LIFETIME|"
                          r"SESSION_COOKIE_AGE|setex|psetex|\bex=|valid_until|valid_for|time\.time\(\)|"
                          r"datetime\.(utc)?now|timezone\.now|\bage\b|timeout|issued_at|created_at|\bnow\(\))",
                          re.IGNORECASE)
TOKEN_MAKERS = ("secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes", "uuid.uuid4", "os.urandom",
                "uuid.uuid1", "binascii.hexlify")
LOGIN_WORDS = frozenset({"login", "signin", "logon", "authenticate", "log_in", "sign_in"})
SESSION_NAMES = ("flask.session", "session", "request.session", "self.request.session", "quart.session")
RESET_CALLS = frozenset({"clear", "regenerate", "cycle_key", "invalidate", "flush", "rotate", "new_session",
                         "regenerate_id", "renew", "reset"})


def _assignments_of(program: Program, key: str) -> list[tuple[ast.AST, ast.expr]]:
    """Where configuration ``key`` is set: ``KEY = v``, ``app.config["KEY"] = v``, ``config.update(KEY=v)``."""
    cache_key = ("config-assignments",)
    if cache_key not in program.cache:
        program.cache[cache_key] = _config_assignments(program)
    found: list[tuple[ast.AST, ast.expr]] = program.cache[cache_key].get(key, [])
    return found


def _config_assignments(program: Program) -> dict[str, list[tuple[ast.AST, ast.expr]]]:
    table: dict[str, list[tuple[ast.AST, ast.expr]]] = {}
    for node in walk(program.tree):
        for key, value in _settings_in(node):
            table.setdefault(key, []).append((node, value))
    return table


def _settings_in(node: ast.AST) -> list[tuple[str, ast.expr]]:
    """(key, value) pairs a node sets: ``KEY = v``, ``x.KEY = v``, ``d["KEY"] = v``, ``f(KEY=v)``, ``{"KEY": v}``."""
    out: list[tuple[str, ast.expr]] = []
    if isinstance(node, ast.Assign):
        for target in node.targets:
            name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(
                target, ast.Attribute) else const_str(target.slice) if isinstance(target, ast.Subscript) else ""
            if name:
                out.append((name, node.value))
    elif isinstance(node, ast.Call):
        out.extend((kw.arg, kw.value) for kw in node.keywords if kw.arg)
    elif isinstance(node, ast.Dict):
        for k, v in zip(node.keys, node.values, strict=False):
            text = const_str(k)
            if text:
                out.append((text, v))
    return out


def _auth_cookie(name: str | None) -> bool:
    if name is None:
        return True
    ws = set(words(name))
    return bool(ws & AUTH_COOKIE_WORDS) or name.lower() in ("sid", "sessionid", "connect.sid", "jsessionid")


def _dict_keys(program: Program, node: ast.expr, depth: int = 0) -> dict[str, ast.expr] | None:
    """The options a ``**opts`` spreads: a dict literal, a name bound to one (plus ``opts["k"] = v`` stores), or
    what a helper of the program returns; None when they cannot be known."""
    if depth > 3:
        return None
    if isinstance(node, ast.Dict):
        keys = {k: v for k, v in ((const_str(k), v) for k, v in zip(node.keys, node.values, strict=False)) if k}
        return keys if len(keys) == len(node.keys) else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        func = program.function_named(node.func.id)
        returns = [r.value for r in walk_no_nested(func) if isinstance(r, ast.Return) and r.value is not None] \
            if func is not None else []
        found = [_dict_keys(program, r, depth + 1) for r in returns]
        if not found or any(f is None for f in found):
            return None
        return {k: v for f in found if f is not None for k, v in f.items()}
    if isinstance(node, ast.Name):
        values = [v for v in resolve(program, node) if v is not node]
        found = [_dict_keys(program, v, depth + 1) for v in values]
        if not found or any(f is None for f in found):
            return None
        keys = {k: v for f in found if f is not None for k, v in f.items()}
        func = program.enclosing_function(node)
        for sub in walk(func or program.tree):  # opts["secure"] = True
            if isinstance(sub, ast.Assign) and any(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
                                                   and t.value.id == node.id and const_str(t.slice)
                                                   for t in sub.targets):
                keys.update({str(const_str(t.slice)): sub.value for t in sub.targets if isinstance(t, ast.Subscript)})
        return keys
    return None


def _cookie_options(program: Program, call: ast.Call) -> dict[str, ast.expr | None] | None:
    """``secure`` and ``httponly`` of a ``set_cookie`` call, also when passed as ``**options``; None when a
    spread's contents are unknown."""
    opts: dict[str, ast.expr | None] = {"secure": arg(call, 6, "secure"), "httponly": arg(call, 7, "httponly")}
    for kw in call.keywords:
        if kw.arg is None:
            spread = _dict_keys(program, kw.value)
            if spread is None:
                return None
            opts.update({k: v for k, v in spread.items() if k in opts and opts[k] is None})
    return opts


COOKIE_NOTE = "cookie set without"  # a non-auth cookie's missing flag: a note, counted when a task asks about it


@check("cookie-flags", cwes=("CWE-614", "CWE-1004"), title="auth cookies Secure and HttpOnly")
def check_cookie_flags(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        if not isinstance(call.func, ast.Attribute) or call.func.attr != "set_cookie":
            continue
        opts = _cookie_options(program, call)
        if opts is None:
            continue
        auth = _auth_cookie(const_str(arg(call, 0, "key")))
        for flag, cwe, label in (("secure", "CWE-614", "Secure"), ("httponly", "CWE-1004", "HttpOnly")):
            value = opts[flag]
            if auth and (value is None or is_false(value)):
                out.append(finding("cookie-flags", cwe, "medium", call, f"auth cookie set without {label}"))
            elif is_false(value):  # another cookie deliberately sent over HTTP or to scripts: a note
                out.append(finding("cookie-flags", cwe, "low", call, f"{COOKIE_NOTE} {label} ({flag}=False)"))
    for key, cwe in COOKIE_CONFIG.items():
        for node, value in _assignments_of(program, key):
            if is_false(value):
                out.append(finding("cookie-flags", cwe, "medium", node, f"{key} is False"))
    for call in program.calls:
        if program.call_name(call).endswith("SessionMiddleware") and is_false(kwarg(call, "https_only")):
            out.append(finding("cookie-flags", "CWE-614", "medium", call, "SessionMiddleware(https_only=False)"))
    secure_set = bool(_assignments_of(program, "SESSION_COOKIE_SECURE"))
    configures = any(_assignments_of(program, k) for k in COOKIE_SETTINGS)
    django_settings = "INSTALLED_APPS" in program.code or "MIDDLEWARE" in program.code
    if not secure_set and configures and (django_settings or "flask" in program.imported):
        out.append(finding("cookie-flags", "CWE-614", "medium", None,
                           "session cookie settings configured without SESSION_COOKIE_SECURE = True"))
    elif not secure_set and _uses_flask_session(program):
        out.append(finding("cookie-flags", "CWE-614", "low", None,
                           "Flask session cookie keeps the default Secure=False (set SESSION_COOKIE_SECURE)"))
    for call in program.calls:
        if program.call_name(call).split(".")[-1] == "login_user" and is_true(kwarg(call, "remember")) and \
                not any(is_true(v) for _, v in _assignments_of(program, "REMEMBER_COOKIE_SECURE")):
            out.append(finding("cookie-flags", "CWE-614", "medium", call,
                               "remember-me cookie without REMEMBER_COOKIE_SECURE = True"))
            break
    return out


def _uses_flask_session(program: Program) -> bool:
    return "flask" in program.imported and any(
        isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) and program.dotted(n.value) == "flask.session"
        for n in walk(program.tree))


def _jwt_payload_without_exp(program: Program, call: ast.Call) -> bool:
    payload = arg(call, 0, "payload") or arg(call, 0, "claims")
    if payload is None:
        return False
    func = program.enclosing_function(call)
    body = unparse(func) if func is not None else program.code
    for value in resolve(program, payload):
        if isinstance(value, ast.Dict):
            if any(k is None for k in value.keys):
                return False
            keys = {const_str(k) for k in value.keys}
            if "exp" in keys:
                return False
            if re.search(r"""\[\s*['"]exp['"]\s*\]\s*=|exp\s*=|['"]exp['"]""", body):
                return False
            return True
    return False


@check("session-expiry", cwes=("CWE-613",), title="sessions and tokens expire")
def check_session_expiry(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        if name.endswith("jwt.encode") and _jwt_payload_without_exp(program, call):
            out.append(finding("session-expiry", "CWE-613", "medium", call, "JWT issued without an exp claim"))
        elif isinstance(call.func, ast.Attribute) and call.func.attr in ("loads", "unsign") and \
                "itsdangerous" in program.imported and kwarg(call, "max_age") is None and \
                re.search(r"Timed|Serializer", program.code) and "json" not in name and "pickle" not in name:
            out.append(finding("session-expiry", "CWE-613", "medium", call,
                               "signed token loaded without max_age, so it never expires"))
    if EXPIRY_HINTS.search(program.code):
        return out
    for func in program.functions:
        made = [c for c in _calls_in(program, func) if program.call_name(c).startswith(TOKEN_MAKERS)]
        if made and _stores_value(program, func):
            out.append(finding("session-expiry", "CWE-613", "medium", made[0],
                               "session/token created and stored with no expiry anywhere in the code"))
            break
    if not out and _uses_flask_session(program) and _login_functions(program):
        out.append(finding("session-expiry", "CWE-613", "low", None,
                           "Flask session with no PERMANENT_SESSION_LIFETIME or other expiry"))
    for call in program.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "set_cookie" and \
                _auth_cookie(const_str(arg(call, 0, "key"))) and arg(call, 2, "max_age") is None and \
                arg(call, 3, "expires") is None and not out:
            out.append(finding("session-expiry", "CWE-613", "low", call, "auth cookie without max_age/expires"))
    return out


def _calls_in(program: Program, func: FuncNode) -> list[ast.Call]:
    return [n for n in walk_no_nested(func) if isinstance(n, ast.Call)]


def _stores_value(program: Program, func: FuncNode) -> bool:
    for node in walk_no_nested(func):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Subscript) for t in node.targets):
            return True
        if isinstance(node, ast.Call):
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if method in ("execute", "set", "hset", "insert_one", "add", "set_cookie"):
                sql = " ".join(const_str(s) or "" for s in walk(node)).lower()
                if method != "execute" or "insert" in sql or "update" in sql:
                    return True
    return False


def _login_functions(program: Program) -> list[FuncNode]:
    out = []
    for func in program.functions:
        ws = set(words(func.name))
        glued = {a + b for a, b in zip(words(func.name), words(func.name)[1:], strict=False)}
        route = program.route(func)
        path = route.path.lower() if route else ""
        if (ws | glued) & LOGIN_WORDS or re.search(r"/(login|signin|sign-in|log-in|auth/login|sessions?)\b", path):
            if "logout" not in func.name.lower():
                out.append(func)
    return out


def _session_store(program: Program, node: ast.AST) -> bool:
    return isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and \
        program.dotted(node.value) in SESSION_NAMES


@check("session-fixation", cwes=("CWE-384",), title="session regenerated at login")
def check_session_fixation(program: Program) -> list[Finding]:
    out = []
    cookies = Taint(program, untrusted=False)
    for func in _login_functions(program):
        stores = [n for n in walk_no_nested(func) if _session_store(program, n)]
        reset = any(isinstance(c.func, ast.Attribute) and c.func.attr in RESET_CALLS and
                    "session" in program.dotted(c.func.value).lower() for c in _calls_in(program, func))
        reset = reset or any(program.call_name(c).split(".")[-1] in ("login", "login_user", "auth_login",
                                                                     "regenerate_session", "new_session")
                             for c in _calls_in(program, func))
        if stores and not reset:
            out.append(finding("session-fixation", "CWE-384", "medium", stores[0],
                               "login writes the user into the existing session without clearing/regenerating it"))
            continue
        for node in walk_no_nested(func):  # SESSIONS[request.cookies["sid"]] = user
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and \
                    "cookies" in unparse(node.slice) + " ".join(
                        unparse(v) for v in resolve(program, node.slice)) and cookies.tainted(node.slice):
                out.append(finding("session-fixation", "CWE-384", "high", node,
                                   "login binds the user to a session id chosen by the client"))
                break
    return out


@check("jwt-verify", cwes=("CWE-347",), title="JWT signatures verified")
def check_jwt(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        if not (name.endswith("jwt.decode") or name.endswith("jwt.get_unverified_claims") or
                name.endswith("jws.verify") or name.endswith("jwt.JWT.decode")):
            continue
        if name.endswith("get_unverified_claims"):
            out.append(finding("jwt-verify", "CWE-347", "high", call, "JWT claims read without verification"))
            continue
        options = kwarg(call, "options")
        opts_text = unparse(options) if options is not None else ""
        algs = kwarg(call, "algorithms")
        alg_names = [a.lower() for a in const_strings(algs)] if algs is not None else []
        if re.search(r"""['"]verify_signature['"]\s*:\s*False""", opts_text) or is_false(kwarg(call, "verify")):
            out.append(finding("jwt-verify", "CWE-347", "high", call, "JWT decoded with signature verification off"))
        elif "none" in alg_names:
            out.append(finding("jwt-verify", "CWE-347", "high", call, "JWT accepts the 'none' algorithm"))
        elif algs is not None and "get_unverified_header" in unparse(algs) + " ".join(
                unparse(v) for v in resolve(program, algs) if isinstance(v, ast.expr)):
            out.append(finding("jwt-verify", "CWE-347", "high", call, "JWT algorithm taken from the token header"))
        elif algs is None and "jwt" in name and arg(call, 2, "algorithms") is None and "jose" not in name:
            out.append(finding("jwt-verify", "CWE-347", "medium", call,
                               "jwt.decode without algorithms= (algorithm confusion)"))
        elif re.search(r"""['"]verify_exp['"]\s*:\s*False""", opts_text):
            out.append(finding("jwt-verify", "CWE-347", "medium", call, "JWT expiry not verified"))
        key = arg(call, 1, "key")
        if isinstance(key, ast.Constant) and key.value in ("", None):
            out.append(finding("jwt-verify", "CWE-347", "high", call, "JWT decoded with an empty key"))
    return out
