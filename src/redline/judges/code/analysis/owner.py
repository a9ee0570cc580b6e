"""Object-level and self-granted authorisation: does a handler tie the object to the caller, and does the
client decide its own privileges?

An ownership check is structural: the caller's identity (``current_user``, ``request.user``, ``g.user``, the
user a FastAPI dependency injects, ``session["user_id"]``) is compared with something, passed into the query
(``filter_by(owner_id=current_user.id)``, ``get_object_or_404(Doc, pk=pk, owner=request.user)``) or is the
root of it (``request.user.documents.get(pk=pk)``), in the handler or a helper it calls. A privilege test
(``role``, ``is_admin``...) on a value the client sends, directly, through a local flag or a helper's return
value, grants access to whoever asks.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import Taint, resolve
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.program import FuncNode, Program, finding, walk_no_nested, words
from redline.judges.code.analysis.trees import unparse, walk
from redline.records import Finding

IDENTITY = hinted(r"(current_user|g\.user|request\.user|self\.request\.user|session\[['\"]\w*(user|uid|account)|"
                      r"session\.get\(['\"]\w*(user|uid|account)|get_jwt_identity|get_current_user|current_identity|"
                      r"auth\.user|request\.auth|request\.state\.user|info\.context\.user)")
IDENTITY_PARAMS = frozenset({"user", "current_user", "me", "principal", "caller", "account", "identity",
                             "current", "actor", "requester", "viewer", "auth_user", "claims", "token_data"})
LOOKUPS = frozenset({"filter", "filter_by", "where", "get", "get_or_404", "first_or_404", "get_object_or_404",
                     "get_list_or_404", "select", "execute", "find_one", "find", "scalar", "scalars", "query",
                     "one_or_none", "fetchone", "fetchrow", "first", "one", "exists", "count", "update", "delete"})
OWNER_CALLS = hinted(r"(is_owner|can_access|has_access|check_owner|belongs_to|for_user|owned_by|can_view|"
                         r"can_edit|authorize|has_object_permission|check_object_permissions|ensure_owner)", re.I)
ADMIN_FLAG = hinted(r"(admin|role|staff|superuser|privilege|permission|access_level|is_mod|moderator)",
                        re.IGNORECASE)
VERIFIERS = ("jwt.decode", "decode_token", "verify_token", "loads", "unsign", "get_current_user", "authenticate",
             "verify", "decode")


def _identity_names(program: Program, func: FuncNode) -> set[str]:
    """Parameters and locals that hold the caller: injected users, ``user = get_current_user()``."""
    names = set()
    for a in func.args.args + func.args.kwonlyargs:
        annotation = unparse(a.annotation) if a.annotation is not None else ""
        if a.arg in IDENTITY_PARAMS or re.search(r"Depends\(\s*\w*(user|current|identity|principal|auth)",
                                                 annotation, re.I):
            names.add(a.arg)
    defaults = [*func.args.defaults, *(d for d in func.args.kw_defaults if d is not None)]
    positional = func.args.args[len(func.args.args) - len(func.args.defaults):]
    for a, d in zip(positional + func.args.kwonlyargs, defaults, strict=False):
        if re.search(r"Depends\(\s*\w*(user|current|identity|principal|auth)", unparse(d), re.I):
            names.add(a.arg)
    for node in walk_no_nested(func):
        if isinstance(node, ast.Assign) and IDENTITY.search(unparse(node.value)):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _mentions_identity(node: ast.AST, names: set[str]) -> bool:
    if IDENTITY.search(unparse(node)):
        return True
    return any(isinstance(n, ast.Name) and n.id in names for n in walk(node))


def _compares_owner(node: ast.Compare, names: set[str]) -> bool:
    """``doc.owner_id != current_user.id``: the caller against another object, not ``user is None``."""
    sides = [node.left, *node.comparators]
    mine = [s for s in sides if _mentions_identity(s, names)]
    other = [s for s in sides if not _mentions_identity(s, names) and not isinstance(s, ast.Constant)]
    return bool(mine) and bool(other) and not any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops)


def owner_checked(program: Program, func: FuncNode, depth: int = 0) -> bool:
    """The handler (or a helper it calls) ties the loaded object to the caller."""
    names = _identity_names(program, func)
    for node in walk_no_nested(func):
        if isinstance(node, ast.Compare) and _compares_owner(node, names):
            return True
        if isinstance(node, ast.Call):
            name = program.call_name(node)
            last = name.split(".")[-1]
            if OWNER_CALLS.search(last):
                return True
            if last in LOOKUPS:
                parts = [*node.args, *(k.value for k in node.keywords)]
                if any(_mentions_identity(p, names) for p in parts):
                    return True
                if isinstance(node.func, ast.Attribute) and _mentions_identity(node.func.value, names):
                    return True
            helper = program.function_named(name.split(".")[-1]) if isinstance(node.func, ast.Name) else None
            if helper is not None and helper is not func and depth < 2 and owner_checked(program, helper,
                                                                                         depth + 1):
                return True
    return False


def _client_value(program: Program, user: Taint, node: ast.expr, depth: int = 0) -> bool:
    """A value the client controls: request data, a local flag computed from it, or a helper returning it."""
    if depth > 3:
        return False
    if user.tainted(node):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        helper = program.function_named(node.func.id)
        if helper is not None:
            return any(_client_value(program, user, r.value, depth + 1) for r in walk_no_nested(helper)
                       if isinstance(r, ast.Return) and r.value is not None)
    if isinstance(node, ast.Name):
        for value in resolve(program, node):
            if value is not node and isinstance(value, (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Call)):
                operands = [value.left, *value.comparators] if isinstance(value, ast.Compare) else \
                    value.values if isinstance(value, ast.BoolOp) else [value.operand] if isinstance(
                        value, ast.UnaryOp) else [value]
                if any(_client_value(program, user, o, depth + 1) for o in operands):
                    return True
    return False


def _test_parts(test: ast.expr) -> list[ast.expr]:
    """Comparisons and plain values of a condition, through ``and``/``or``/``not``."""
    out: list[ast.expr] = []
    stack = [test]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BoolOp):
            stack.extend(node.values)
        elif isinstance(node, ast.UnaryOp):
            stack.append(node.operand)
        elif isinstance(node, (ast.Compare, ast.Call, ast.Subscript, ast.Attribute, ast.Name)):
            out.append(node)
    return out


def _denies(node: ast.AST) -> bool:
    body = node.body if isinstance(node, ast.If) else []
    text = " ".join(unparse(b) for b in body)
    return bool(re.search(r"\b(401|403)\b|Forbidden|PermissionDenied|Unauthori|denied", text))


def client_controlled_authz(program: Program) -> list[Finding]:
    """``if request.args.get("admin") == "1"``, ``if caller_role() not in ("admin",)`` with the role read from a
    header, ``not body.is_admin`` on the request model. A membership test that rejects bad input with 400
    (``role not in ROLES``) validates a value; it grants nothing."""
    user = Taint(program, untrusted=False, sanitizers=VERIFIERS)
    out = []
    for node in walk(program.tree):
        test = node.test if isinstance(node, (ast.If, ast.IfExp, ast.Assert, ast.While)) else None
        if test is None:
            continue
        for part in _test_parts(test):
            if isinstance(part, ast.Compare):
                membership = any(isinstance(op, (ast.In, ast.NotIn)) for op in part.ops)
                if membership and not _denies(node):
                    continue
                operands = [part.left, *part.comparators]
            else:
                operands = [part]
            flagged = ADMIN_FLAG.search(unparse(part)) or any(
                isinstance(o, ast.Name) and set(words(o.id)) & {"admin", "role", "staff", "superuser"}
                for o in operands)
            if flagged and any(_client_value(program, user, o) for o in operands):
                out.append(finding("admin-requires-auth", "CWE-285", "high", node,
                                   "authorisation decided by a value the client controls "
                                   f"({unparse(part)[:50]!r})"))
                break
    return out


IDENTITY_SUBJECTS = frozenset({"user", "uid", "userid", "account", "member", "principal", "identity", "caller",
                               "subject", "sub"})
IDENTITY_MARKERS = frozenset({"current", "token", "jwt", "bearer", "auth", "session", "authenticated",
                              "logged", "me"})
_PASS_THROUGH = frozenset({"str", "strip", "lower", "get", "int"})


def _identity_function(name: str) -> bool:
    """``get_current_user``, ``current_user_id``, ``user_from_token``, ``whoami``, ``authenticate``."""
    ws = set(words(name))
    return bool(ws & {"whoami", "authenticate"}) or bool(ws & IDENTITY_SUBJECTS and ws & IDENTITY_MARKERS)


def _raw_request_value(program: Program, user: Taint, node: ast.expr | None, depth: int = 0) -> bool:
    """The value is request data itself, at most reformatted (``str(x)``, ``f"{x}"``, ``x.strip()``), not
    something looked up or verified with it."""
    if node is None or depth > 4:
        return False
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
        return len(parts) == 1 and _raw_request_value(program, user, parts[0], depth + 1)
    if isinstance(node, ast.Call) and program.call_name(node).split(".")[-1] in _PASS_THROUGH and \
            not user.is_source(node):
        inner = node.func.value if isinstance(node.func, ast.Attribute) else node.args[0] if node.args else None
        return _raw_request_value(program, user, inner, depth + 1)
    if isinstance(node, ast.Name):
        values = [v for v in resolve(program, node) if v is not node]
        if not values:
            return _client_param(program, node)
        return all(_raw_request_value(program, user, v, depth + 1) for v in values)
    return user.is_source(node)


CLIENT_PARAMS = frozenset({"Header", "Cookie", "Query", "Body", "Form"})


def _client_param(program: Program, node: ast.Name) -> bool:
    """A FastAPI parameter filled from the request as the client sent it (``x_user_id: str = Header()``)."""
    func = program.enclosing_function(node)
    if func is None:
        return False
    positional = [*func.args.posonlyargs, *func.args.args]
    pairs = list(zip(positional[len(positional) - len(func.args.defaults):], func.args.defaults, strict=True))
    pairs += [(a, d) for a, d in zip(func.args.kwonlyargs, func.args.kw_defaults, strict=True) if d is not None]
    return any(a.arg == node.id and isinstance(d, ast.Call) and program.call_name(d).split(".")[-1] in CLIENT_PARAMS
               for a, d in pairs)


def client_controlled_identity(program: Program) -> list[Finding]:
    """A "who is calling" function (``get_current_user``) that returns what the request says (a body field, a
    header, a cookie) and verifies nothing: any client can claim to be anyone (CWE-345; CWE-290 spoofing)."""
    user = Taint(program, untrusted=False, sanitizers=VERIFIERS)
    out = []
    for func in program.functions:
        if not _identity_function(func.name):
            continue
        verifies = any(isinstance(n, ast.Call) and set(words(program.call_name(n).split(".")[-1])) &
                       {"decode", "verify", "loads", "unsign", "authenticate", "validate", "check"}
                       for n in walk_no_nested(func))
        if verifies:
            continue
        for node in walk_no_nested(func):
            if isinstance(node, ast.Return) and node.value is not None and \
                    _raw_request_value(program, user, node.value):
                out.append(finding("admin-requires-auth", "CWE-345", "high", node,
                                   f"{func.name}() returns the caller's identity as the request states it "
                                   f"({unparse(node.value)[:50]!r}) without verifying a token or session"))
                break
    return out
