"""Access checks: admin routes need authentication, webhooks need signatures, form posts need CSRF tokens.

These judge whole apps: a handler counts as protected by a decorator, an injected dependency, a check in its
body, or an app-wide ``before_request`` hook; a webhook by a signature check in it or in a helper it calls.
"""

from __future__ import annotations

import ast
import re

from redline.judges.checks_base import (
    STATE_CHANGING,
    FuncNode,
    Program,
    Route,
    const_str,
    const_strings,
    decorator_names,
    finding,
    is_false,
    kwarg,
    walk_no_nested,
    words,
)
from redline.records import Finding

SENSITIVE_WORDS = frozenset({"admin", "admins", "manage", "management", "manager", "dashboard", "internal", "config",
                             "configuration", "settings", "debug", "shutdown", "delete", "remove", "ban", "unban",
                             "promote", "demote", "grant", "revoke", "purge", "wipe", "destroy", "moderate",
                             "moderation", "role", "roles", "superuser", "staff", "backup", "restore", "export",
                             "impersonate", "maintenance", "reset", "disable", "deactivate", "approve", "suspend"})
ADMIN_WORDS = frozenset({"admin", "admins", "superuser", "staff", "moderate", "moderation", "moderator", "internal",
                         "management", "manage", "roles", "role", "promote", "demote", "ban", "unban", "impersonate",
                         "maintenance", "shutdown", "purge", "wipe", "coordinator", "coordinators", "backoffice"})
PUBLIC_WORDS = frozenset({"login", "logout", "register", "signup", "password", "forgot", "health", "healthz",
                          "static", "public", "webhook", "callback", "index", "home", "signin", "verify", "confirm",
                          "activate", "ping", "status", "docs", "openapi", "favicon"})
AUTHN_DECORATOR_WORDS = frozenset({"login", "auth", "authenticated", "require", "required", "requires", "protect",
                                   "protected", "token", "jwt", "access", "verified", "restricted", "secured",
                                   "guard", "authorize", "authorized", "authorization", "key", "apikey", "basic",
                                   "session", "user", "signed"})
AUTHZ_DECORATOR_WORDS = frozenset({"admin", "role", "roles", "permission", "permissions", "staff", "superuser",
                                   "passes", "scope", "scopes", "group", "groups", "owner", "moderator", "privileged"})
AUTHN_TEXT = re.compile(
    r"(is_authenticated|current_user|login_required|g\.user|request\.user|session\.get\(|in session|"
    r"session\[|get_current_user|verify_token|decode_token|jwt\.decode|check_auth|authenticate\(|Authorization|"
    r"X-API-Key|x-api-key|api_key|apikey|abort\(\s*401|status_code\s*=\s*401|HTTP_401|Unauthorized|require_login|"
    r"require_auth|verify_api_key|get_jwt_identity|auth\.current_user|bearer)", re.IGNORECASE)
AUTHZ_TEXT = re.compile(
    r"(is_admin|is_staff|is_superuser|has_role|has_perm|has_permission|\.role\b|\[['\"]role['\"]\]|roles\b|"
    r"permission|admin_required|roles_required|superuser|staff_member_required|user_passes_test|IsAdminUser|"
    r"abort\(\s*403|HTTP_403|\b403\b|Forbidden|PermissionDenied|scopes|is_moderator|is_coordinator|ADMIN_TOKEN|"
    r"admin_token|ADMIN_API_KEY|admin_key|ADMIN_KEY|group|Depends\(\s*\w*(admin|role|permission|staff|superuser))",
    re.IGNORECASE)
DEPENDENCY_WORDS = frozenset({"user", "auth", "admin", "token", "verify", "current", "role", "permission", "key",
                              "login", "guard", "require", "required", "authenticated", "principal", "identity",
                              "credentials", "security", "scopes", "apikey", "oauth2"})
WEBHOOK_WORDS = frozenset({"webhook", "webhooks", "hook", "hooks", "callback", "ipn", "notify", "notification",
                           "notifications"})
SIGNATURE_VERIFY = re.compile(
    r"(compare_digest|construct_event|\.verify\(|verify\w*\(|validate\w*sig\w*\(|check\w*sig\w*\(|"
    r"is_valid\w*\(|RequestValidator|WebhookSignature|(?-i:\bWebhook)\(|unsign\(|"
    r"hmac\.(new|digest)\([^\n]*\n?[^\n]*[!=]=|[!=]=\s*hmac\.(new|digest)\()", re.IGNORECASE)
CSRF_HINT = re.compile(r"(csrf|xsrf|CSRFProtect|FlaskForm|SeaSurf|samesite\s*=\s*['\"]strict|"
                       r"SESSION_COOKIE_SAMESITE['\"]?\]?\s*[=:]\s*['\"]Strict)", re.IGNORECASE)
BROWSER_HINT = re.compile(r"(request\.form|render_template|session\[|login_user|HTMLResponse|<form|Form\()")


def _glued(name: str) -> set[str]:
    ws = words(name)
    return set(ws) | {a + b for a, b in zip(ws, ws[1:], strict=False)}


def _sensitive(func: FuncNode, route: Route) -> bool:
    path_words = _glued(route.path)
    name_words = _glued(func.name)
    if (path_words | name_words) & PUBLIC_WORDS and not (path_words | name_words) & {"admin", "internal"}:
        return False
    return bool((path_words | name_words) & SENSITIVE_WORDS) or "DELETE" in route.methods


def _dependency_auth(func: FuncNode, program: Program) -> bool:
    defaults = [*func.args.defaults, *(d for d in func.args.kw_defaults if d is not None)]
    for default in defaults:
        if isinstance(default, ast.Call) and program.dotted(default.func).split(".")[-1] in ("Depends", "Security"):
            inner = default.args[0] if default.args else None
            if inner is None or _glued(program.dotted(inner)) & DEPENDENCY_WORDS:
                return True
    for arg in [*func.args.args, *func.args.kwonlyargs]:
        if arg.annotation is not None and re.search(r"Depends\(|Security\(|User|Token|Admin|Principal",
                                                    ast.unparse(arg.annotation)):
            return True
    for dec in func.decorator_list:
        if isinstance(dec, ast.Call) and kwarg(dec, "dependencies") is not None:
            return True
    return False


def _hook_text(program: Program) -> str:
    """Source of app-wide ``before_request`` hooks (and a marker for router-wide dependencies)."""
    parts = []
    for func in program.functions:
        names = decorator_names(func, program)
        if any(n.endswith(("before_request", "before_app_request")) for n in names):
            parts.append(_auth_text(program, func))
    for call in program.calls:
        last = program.call_name(call).split(".")[-1]
        deps = kwarg(call, "dependencies")
        if last in ("APIRouter", "include_router", "FastAPI") and deps is not None:
            parts.append(ast.unparse(deps))
            for node in ast.walk(deps):
                if isinstance(node, ast.Name) and program.function_named(node.id) is not None:
                    parts.append(ast.unparse(program.function_named(node.id)))  # type: ignore[arg-type]
        if last == "add_middleware" and call.args and re.search(r"auth", program.dotted(call.args[0]), re.I):
            parts.append("authenticate(")
    return "\n".join(parts)


def _auth_text(program: Program, func: FuncNode, depth: int = 0) -> str:
    """The handler's source without its docstring, plus module helpers, decorators and dependencies it uses."""
    doc = ast.get_docstring(func) or ""
    parts = [ast.unparse(func).replace(doc, "")]
    if depth >= 2:
        return parts[0]
    names: set[str] = set()
    for node in walk_no_nested(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            names.add(node.func.id)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                program.dotted(node.func.value) in ("self", "cls"):
            names.add(node.func.attr)
    for dec in func.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        if isinstance(target, ast.Name):
            names.add(target.id)
    for default in [*func.args.defaults, *(d for d in func.args.kw_defaults if d is not None)]:
        if isinstance(default, ast.Call) and default.args and isinstance(default.args[0], ast.Name):
            names.add(default.args[0].id)
    for name in sorted(names):
        helper = program.function_named(name)
        if helper is not None and helper is not func:
            parts.append(_auth_text(program, helper, depth + 1))
    return "\n".join(parts)


def _decorator_levels(program: Program, func: FuncNode) -> tuple[bool, bool]:
    authn = authz = False
    for name in decorator_names(func, program):
        last = name.split(".")[-1]
        if last in ("route", "get", "post", "put", "delete", "patch", "api_route"):
            continue
        words_ = _glued(last)
        authz = authz or bool(words_ & AUTHZ_DECORATOR_WORDS)
        authn = authn or bool(words_ & (AUTHN_DECORATOR_WORDS | AUTHZ_DECORATOR_WORDS))
    return authn, authz


def _auth_levels(program: Program, func: FuncNode, hook: str) -> tuple[bool, bool]:
    """(authenticated, authorized): some check of who the caller is; a role/permission check."""
    dec_authn, dec_authz = _decorator_levels(program, func)
    text = _auth_text(program, func) + "\n" + hook
    authz = dec_authz or bool(AUTHZ_TEXT.search(text))
    authn = dec_authn or authz or _dependency_auth(func, program) or bool(AUTHN_TEXT.search(text))
    return authn, authz


def check_admin_auth(program: Program) -> list[Finding]:
    out = []
    hook = _hook_text(program)
    for func, route in program.routes():
        authn, authz = _auth_levels(program, func, hook)
        admin = bool((_glued(route.path) | _glued(func.name)) & ADMIN_WORDS)
        if _sensitive(func, route) and not authn:
            out.append(finding("admin-requires-auth", "CWE-306", "high", func,
                               f"sensitive handler {func.name}() ({route.path or 'view'}) has no authentication"))
        elif _sensitive(func, route) and admin and not authz:
            out.append(finding("admin-requires-auth", "CWE-862", "high", func,
                               f"admin handler {func.name}() checks login but not the caller's role/permission"))
        elif authn and not authz:
            idor = _idor(program, func, route)
            if idor is not None:
                out.append(finding("admin-requires-auth", "CWE-862", "high", func,
                                   f"{func.name}() loads {idor} by an id from the request without checking that it "
                                   "belongs to the caller (IDOR, CWE-639)"))
    out.extend(_client_controlled_authz(program))
    out.extend(_class_views(program))
    for node in ast.walk(program.tree):  # Flask-Admin views without is_accessible
        if isinstance(node, ast.ClassDef) and any(program.dotted(b).split(".")[-1] in ("ModelView", "BaseView",
                                                                                         "AdminIndexView")
                                                  for b in node.bases):
            methods = {n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if "is_accessible" not in methods and "inaccessible_callback" not in methods:
                out.append(finding("admin-requires-auth", "CWE-306", "high", node,
                                   f"admin view {node.name} without is_accessible()"))
    return out


PERSONAL_WORDS = frozenset({"order", "orders", "invoice", "invoices", "document", "documents", "doc", "docs", "note",
                            "notes", "message", "messages", "file", "files", "upload", "uploads", "profile",
                            "account", "accounts", "payment", "payments", "ticket", "tickets", "report", "reports",
                            "record", "records", "booking", "bookings", "reservation", "reservations", "appointment",
                            "appointments", "address", "addresses", "statement", "statements", "prescription",
                            "diary", "draft", "drafts", "attachment", "attachments", "receipt", "receipts",
                            "transaction", "transactions", "subscription", "card", "cards", "wallet", "conversation",
                            "conversations", "inbox", "photo", "photos", "album", "albums", "user", "users",
                            "application", "applications", "submission", "submissions", "medical", "patient",
                            "patients", "case", "cases", "project", "projects", "task", "tasks", "contact",
                            "contacts", "expense", "expenses"})
OWNER_TEXT = re.compile(r"(owner|user_id|author|created_by|current_user\.id|current_user\b|request\.user|g\.user|"
                        r"session\[['\"]user|session\.get\(['\"]user|account_id|tenant|\.user\s*[!=]=|is_owner|"
                        r"can_access|has_access|check_owner|belongs_to|get_queryset|for_user|uid\b)")


def _id_params(func: FuncNode, route: Route) -> list[str]:
    """Handler parameters that come from the URL path (``<int:order_id>``, ``{order_id}``)."""
    in_path = {a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\{(\w+)(?::[^}]*)?\}", route.path)}
    args = [a.arg for a in func.args.args + func.args.kwonlyargs]
    return [a for a in args if a in in_path or (not route.path and re.search(r"(^|_)(id|pk|uuid)$", a))]


def _idor(program: Program, func: FuncNode, route: Route) -> str | None:
    """The kind of object a handler loads by a request id with no sign of an ownership check."""
    glued = _glued(route.path) | _glued(func.name)
    personal = glued & PERSONAL_WORDS
    if not personal:
        return None
    ids = [p for p in _id_params(func, route) if re.search(r"(id|pk|uuid|key|number|no)$", p.lower())]
    if not ids:
        return None
    body = [n for n in walk_no_nested(func)]
    loads = any(isinstance(n, ast.Call) and any(isinstance(x, ast.Name) and x.id in ids
                                                for a in [*n.args, *(k.value for k in n.keywords)]
                                                for x in ast.walk(a)) for n in body) or any(
        isinstance(n, ast.Subscript) and any(isinstance(x, ast.Name) and x.id in ids for x in ast.walk(n.slice))
        for n in body)
    if not loads:
        return None
    text = _auth_text(program, func)
    doc = ast.get_docstring(func) or ""
    signature_free = text.replace(ast.unparse(func.args), "").replace(doc, "")
    if OWNER_TEXT.search(signature_free.split(":", 1)[-1] if signature_free.startswith("def") else signature_free):
        return None
    return sorted(personal)[0]


ADMIN_FLAG = re.compile(r"(admin|role|staff|superuser|privilege|permission|access_level|is_mod|moderator)",
                        re.IGNORECASE)
VERIFIERS = ("jwt.decode", "decode_token", "verify_token", "loads", "unsign", "get_current_user", "authenticate",
             "verify", "decode")


def _client_controlled_authz(program: Program) -> list[Finding]:
    """``if request.args.get("admin") == "1"``: the client decides its own privileges. Allow-list membership
    tests (``role not in ROLES``) validate a value; they do not grant anything."""
    from redline.judges.checks_flow import Taint

    user = Taint(program, untrusted=False, sanitizers=VERIFIERS)
    out = []
    for node in ast.walk(program.tree):
        test = node.test if isinstance(node, (ast.If, ast.IfExp, ast.Assert, ast.While)) else None
        if test is None:
            continue
        candidates: list[ast.expr] = []
        for part in ast.walk(test):
            if isinstance(part, ast.Compare) and all(isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot))
                                                     for op in part.ops):
                candidates.append(part)
        if isinstance(test, ast.UnaryOp):
            test = test.operand
        for part in [test, *(test.values if isinstance(test, ast.BoolOp) else [])]:
            if isinstance(part, (ast.Call, ast.Subscript, ast.Attribute, ast.Name)):
                candidates.append(part)
        for part in candidates:
            operands = [part.left, *part.comparators] if isinstance(part, ast.Compare) else [part]
            if ADMIN_FLAG.search(ast.unparse(part)) and any(user.tainted(o) for o in operands):
                out.append(finding("admin-requires-auth", "CWE-285", "high", node,
                                   "authorisation decided by a value the client controls "
                                   f"({ast.unparse(part)[:50]!r})"))
                break
    return out


CBV_BASES = frozenset({"View", "TemplateView", "DeleteView", "UpdateView", "CreateView", "FormView", "ListView",
                       "DetailView", "APIView", "ViewSet", "ModelViewSet", "GenericAPIView", "RedirectView",
                       "GenericViewSet", "DestroyAPIView", "UpdateAPIView", "RetrieveUpdateDestroyAPIView",
                       "ListCreateAPIView", "MethodView"})
CBV_AUTHN = re.compile(r"(LoginRequired|Permission|UserPassesTest|StaffRequired|Superuser|login_required|"
                       r"permission_classes|IsAuthenticated|IsAdminUser|authentication_classes|test_func|"
                       r"is_authenticated|method_decorator|decorators\s*=)")
CBV_AUTHZ = re.compile(r"(PermissionRequired|UserPassesTest|StaffRequired|Superuser|IsAdminUser|permission_required|"
                       r"test_func|is_staff|is_superuser|has_perm|DjangoModelPermissions|is_admin|role)")


def _class_views(program: Program) -> list[Finding]:
    """Django/DRF class-based views: mixins, permission_classes or a test_func protect them."""
    out = []
    for node in ast.walk(program.tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [program.dotted(b).split(".")[-1] for b in node.bases]
        if not set(bases) & CBV_BASES:
            continue
        glued = _glued(node.name)
        sensitive = bool(glued & SENSITIVE_WORDS) or bool(set(bases) & {"DeleteView", "UpdateView", "DestroyAPIView",
                                                                         "UpdateAPIView"})
        if not sensitive:
            continue
        text = ast.unparse(node) + " " + " ".join(bases)
        if re.search(r"permission_classes\s*=\s*[\[(]\s*AllowAny", text):
            text = text.replace("permission_classes", "")
        authn = bool(CBV_AUTHN.search(text))
        authz = bool(CBV_AUTHZ.search(text))
        if not authn:
            out.append(finding("admin-requires-auth", "CWE-306", "high", node,
                               f"view {node.name} has no authentication mixin or permission class"))
        elif glued & ADMIN_WORDS and not authz:
            out.append(finding("admin-requires-auth", "CWE-862", "high", node,
                               f"admin view {node.name} checks login but not permissions"))
    return out


def _webhook_handler(func: FuncNode, route: Route) -> bool:
    glued = _glued(route.path) | _glued(func.name)
    if glued & {"oauth", "auth", "login", "authorize", "sso", "oidc"}:
        return False
    return bool(glued & WEBHOOK_WORDS) and bool(route.methods & STATE_CHANGING or "GET" not in route.methods)


def _optional_check(program: Program, func: FuncNode) -> ast.AST | None:
    """``if signature: verify(...)``: verification that runs only when the sender chose to sign."""
    for node in walk_no_nested(func):
        if not isinstance(node, ast.If) or node.orelse:
            continue
        test = ast.unparse(node.test)
        body = "\n".join(ast.unparse(b) for b in node.body)
        if re.search(r"sig|hmac|header", test, re.IGNORECASE) and not test.lstrip().startswith("not ") and \
                SIGNATURE_VERIFY.search(body) and "is None" not in test:
            rejects = any(isinstance(b, (ast.Return, ast.Raise)) for b in node.body)
            if not rejects or SIGNATURE_VERIFY.search(body):
                return node
    return None


def check_webhook_signature(program: Program) -> list[Finding]:
    out = []
    for func, route in program.routes():
        if not _webhook_handler(func, route):
            continue
        text = _auth_text(program, func)
        if not SIGNATURE_VERIFY.search(text):
            out.append(finding("webhook-signature", "CWE-345", "high", func,
                               f"webhook handler {func.name}() acts on the payload without verifying its signature"))
            continue
        optional = _optional_check(program, func)
        if optional is not None:
            out.append(finding("webhook-signature", "CWE-345", "high", optional,
                               f"webhook handler {func.name}() verifies the signature only when one is sent"))
    return out


def check_csrf(program: Program) -> list[Finding]:
    out = []
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                key = target.id if isinstance(target, ast.Name) else const_str(target.slice) if isinstance(
                    target, ast.Subscript) else ""
                if key in ("WTF_CSRF_ENABLED", "CSRF_ENABLED") and is_false(node.value):
                    out.append(finding("csrf-protection", "CWE-352", "medium", node, f"{key} = False"))
                if key == "MIDDLEWARE" and "django" in program.imported or key == "MIDDLEWARE" and \
                        "INSTALLED_APPS" in program.code:
                    if not any("csrf" in s.lower() for s in const_strings(node.value)):
                        out.append(finding("csrf-protection", "CWE-352", "medium", node,
                                           "MIDDLEWARE without CsrfViewMiddleware"))
    for func in program.functions:
        if any(n.endswith("csrf_exempt") or n.endswith("csrf.exempt") for n in decorator_names(func, program)) and \
                not _glued(func.name) & (WEBHOOK_WORDS | {"api"}):
            out.append(finding("csrf-protection", "CWE-352", "medium", func,
                               f"{func.name}() is exempted from CSRF protection"))
    if out or CSRF_HINT.search(program.code):
        return out
    browser = BROWSER_HINT.search(program.code)
    if not browser or not ("flask" in program.imported or "fastapi" in program.imported):
        return out
    for func, route in program.routes():
        if route.methods & STATE_CHANGING and route.framework != "django":
            text = ast.unparse(func)
            if "fastapi" in program.imported and "Form(" not in text and "form()" not in text:
                continue
            out.append(finding("csrf-protection", "CWE-352", "medium", func,
                               f"state-changing form handler {func.name}() without CSRF protection"))
            break
    return out
