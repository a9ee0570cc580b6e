"""Session-cookie options of Express middlewares, read from the source text.

The options of ``session(...)`` / ``cookieSession(...)`` are often an object built elsewhere (``var opts = {...};
opts.cookie = {...}``), which a Semgrep pattern on the call cannot see; here the call's argument is followed to
the object literal it names and the assignments to it. Comments are ignored.
"""

from __future__ import annotations

import re

from redline.records import Finding

TOOL = "redline-poly"
_SESSION_CALL = re.compile(r"\b(session|cookieSession|expressSession|cookie_session)\s*\(")
_COOKIE_CALL = re.compile(r"\b(?:res|response|reply)\.cookie\s*\(")
_TOKENS = re.compile(r"(\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|//[^\n]*|/\*.*?\*/", re.DOTALL)


def strip_comments(code: str) -> str:
    """Comments blanked to spaces (line numbers kept); string and template literals are left as they are."""
    def blank(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1) else re.sub(r"[^\n]", " ", match.group(0))
    return _TOKENS.sub(blank, code)


def balanced(code: str, start: int) -> str:
    """The text from ``code[start]`` (an opening bracket) to its matching closing one (or the end)."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack: list[str] = []
    for k in range(start, len(code)):
        ch = code[k]
        if ch in pairs:
            stack.append(pairs[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                return code[start:k + 1]
    return code[start:]


def _options_text(code: str, args: str) -> str:
    """The argument's text, plus the object literal and later assignments of a variable passed by name."""
    name = re.fullmatch(r"\(\s*([A-Za-z_$][\w$]*)\s*\)", args.strip())
    if name is None:
        return args
    var = re.escape(name.group(1))
    out = []
    for match in re.finditer(rf"\b{var}\s*=\s*\{{", code):
        out.append(balanced(code, match.end() - 1))
    for match in re.finditer(rf"\b{var}(\.\w+)+\s*=\s*", code):
        rest = code[match.end():]
        out.append(match.group(0) + (balanced(rest, 0) if rest.startswith("{") else rest.split("\n", 1)[0]))
    return "\n".join(out)


def _line_of(code: str, pos: int) -> int:
    return code.count("\n", 0, pos) + 1


def _finding(rule: str, cwe: str, severity: str, line: int, message: str) -> Finding:
    return Finding(tool=TOOL, rule=rule, cwe=cwe, severity=severity, line=line, message=message)


def js_session_cookie(code: str) -> list[Finding]:
    """Session middlewares whose cookie is readable by scripts, sent over HTTP, cross-site, or never expires."""
    clean = strip_comments(code)
    out: list[Finding] = []
    for match in _SESSION_CALL.finditer(clean):
        args = balanced(clean, match.end() - 1)
        if not re.search(r"[{\w]", args[1:-1]):
            continue
        opts = _options_text(clean, args)
        if not re.search(r"\b(secret|keys|cookie|store|resave|name)\s*:", opts):
            continue  # not a session middleware's options
        line = _line_of(clean, match.start())
        if re.search(r"\bhttpOnly\s*:\s*false\b", opts):
            out.append(_finding("js-session-cookie-httponly-off", "CWE-1004", "high", line,
                                "the session cookie is readable by page scripts (httpOnly: false)"))
        if re.search(r"\bsecure\s*:\s*false\b", opts) or not re.search(r"\bsecure\s*:", opts):
            out.append(_finding("js-session-cookie-not-secure", "CWE-614", "medium", line,
                                "the session cookie is not marked Secure, so it is also sent over plain HTTP"))
        if re.search(r"\bsameSite\s*:\s*(false\b|['\"`]none['\"`])", opts, re.IGNORECASE):
            out.append(_finding("js-session-cookie-samesite-none", "CWE-1275", "medium", line,
                                "the session cookie is sent on cross-site requests (sameSite none/false)"))
        if not re.search(r"\b(maxAge|expires)\s*:|\.(maxAge|expires)\s*=", opts):
            out.append(_finding("js-session-cookie-no-expiry", "CWE-613", "low", line,
                                "the session cookie sets no maxAge/expires"))
    for match in _COOKIE_CALL.finditer(clean):
        args = balanced(clean, match.end() - 1)
        if re.search(r"\bhttpOnly\s*:\s*false\b", args) or re.search(r"\bsecure\s*:\s*false\b", args):
            out.append(_finding("js-cookie-flags-off", "CWE-614", "medium", _line_of(clean, match.start()),
                                "a cookie is set with httpOnly or secure switched off"))
    return out
