"""Branch tests the taint engine trusts: which variable a passing test validates (a full regex match, a
character-class test, membership in a fixed collection, a program's own validator), and which URL a host test
keeps on this site (``urlparse(u).netloc`` empty, ``u.startswith("/")``, a parsed host in an allow-list)."""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import validation_name
from redline.judges.code.analysis.interp import Interp
from redline.judges.code.analysis.scope import resolve
from redline.judges.code.analysis.trees import unparse

STRICT_CHECK = re.compile(r"fullmatch|\.match\(|isalnum|isdigit|isdecimal|isidentifier|\bin\s+[A-Z_]{3,}|"
                          r"basename|secure_filename|ip_address|is_relative_to|commonpath|netloc|hostname|"
                          r"url_has_allowed_host_and_scheme")
CHAR_CLASS = frozenset({"isalnum", "isdigit", "isdecimal", "isnumeric", "isalpha", "isidentifier"})


def _last(name: str) -> str:
    return name.split(".")[-1]


def local_url(it: Interp, test: ast.expr, outcome: bool) -> str | None:
    """The URL a passing test keeps on this site: ``x.startswith("/")`` holds, or ``urlparse(x).netloc`` is
    empty (the open-redirect check's rule)."""
    if outcome and isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and \
            test.func.attr == "startswith" and isinstance(test.func.value, ast.Name) and test.args and \
            isinstance(test.args[0], ast.Constant) and str(test.args[0].value).startswith("/"):
        return test.func.value.id
    if not outcome and isinstance(test, ast.Attribute) and test.attr in ("netloc", "hostname"):
        return url_of(it, test)
    return None

def url_of(it: Interp, e: ast.expr, depth: int = 0) -> str | None:
    """The variable whose parsed host ``e`` is: ``urlparse(u).netloc``, ``parts.hostname`` after ``parts =
    urlsplit(u)``, or a name bound to one of them (``host = urlparse(u).hostname or ""``)."""
    if depth > 3:
        return None
    if isinstance(e, ast.Attribute) and e.attr in ("netloc", "hostname"):
        for parsed in [e.value] if not isinstance(e.value, ast.Name) else resolve(it.program, e.value):
            if isinstance(parsed, ast.Call) and _last(it.program.call_name(parsed)) in ("urlparse", "urlsplit") \
                    and parsed.args and isinstance(parsed.args[0], ast.Name):
                return parsed.args[0].id
        return None
    if isinstance(e, ast.BoolOp) and isinstance(e.op, ast.Or):
        return url_of(it, e.values[0], depth + 1)
    if isinstance(e, ast.Name):
        found = {url_of(it, v, depth + 1) for v in resolve(it.program, e) if v is not e}
        return found.pop() if len(found) == 1 else None
    return None

def validated_name(it: Interp, test: ast.expr, outcome: bool) -> str | None:
    """The variable a passing test validates: a full regex match, a character-class method, membership in
    a fixed collection, or a program-named validator (``is_safe_name(x)``)."""
    left = test.left if isinstance(test, ast.Compare) else None
    if isinstance(left, ast.Call) and isinstance(left.func, ast.Attribute) and not left.args and \
            left.func.attr in ("lower", "upper", "casefold", "strip"):  # x.lower() in ALLOWED
        left = left.func.value
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(left, ast.Name) and \
            isinstance(test.ops[0], ast.In if outcome else ast.NotIn) and \
            not isinstance(test.comparators[0], ast.Constant):
        return left.id
    if not isinstance(test, ast.Call) or not outcome:
        return None
    name = it.program.call_name(test)
    last = _last(name)
    if isinstance(test.func, ast.Attribute) and last in CHAR_CLASS and isinstance(test.func.value, ast.Name):
        return test.func.value.id
    candidates = [a for a in test.args if isinstance(a, ast.Name)]
    if not candidates:
        return None
    if last in ("fullmatch", "match") and (name.startswith("re.") or isinstance(test.func, ast.Attribute)):
        return candidates[-1].id
    if not validation_name(last):
        return None
    helper = it.program.function_named(last)  # a validator of this program: trusted when it checks the
    if helper is not None and not STRICT_CHECK.search(unparse(helper)):  # whole value, not a substring
        return None
    return candidates[0].id
