"""Session-cookie options followed from the middleware call to the object literal that holds them."""

from __future__ import annotations

from redline.judges.code.polyglot.checks_web import balanced, js_session_cookie, strip_comments

SAFE = """const session = require("express-session");
const opts = {
  secret: process.env.SESSION_SECRET,
  name: "sid",
  cookie: { secure: true, httpOnly: true, sameSite: "strict", maxAge: 3600000 },
};
app.use(session(opts));
"""


def rules(code: str) -> set[str]:
    return {f.rule for f in js_session_cookie(code)}


def test_safe_options_by_name_are_quiet() -> None:
    assert rules(SAFE) == set()


def test_each_weakening_is_reported() -> None:
    assert rules(SAFE.replace("httpOnly: true", "httpOnly: false")) == {"js-session-cookie-httponly-off"}
    assert rules(SAFE.replace("secure: true, ", "")) == {"js-session-cookie-not-secure"}
    assert rules(SAFE.replace('sameSite: "strict"', 'sameSite: "none"')) == {"js-session-cookie-samesite-none"}
    hits = js_session_cookie(SAFE.replace(", maxAge: 3600000", ""))
    assert [(f.rule, f.severity) for f in hits] == [("js-session-cookie-no-expiry", "low")]


def test_inline_options_and_later_assignments() -> None:
    inline = 'app.use(session({ secret: "k", cookie: { httpOnly: false, secure: true, maxAge: 1 } }));\n'
    assert rules(inline) == {"js-session-cookie-httponly-off"}
    later = ('var opts = { secret: "k" };\nopts.cookie = { secure: true, maxAge: 10 };\n'
             "app.use(session(opts));\n")
    assert rules(later) == set()


def test_comments_and_unrelated_calls_do_not_count() -> None:
    commented = SAFE.replace("secure: true, ", "/* secure: true, */ ")
    assert "js-session-cookie-not-secure" in rules(commented)
    assert rules("const s = session();\nconst t = session(store);\n") == set()
    assert rules('res.cookie("sid", token, { httpOnly: false });\n') == {"js-cookie-flags-off"}
    assert strip_comments('const u = "https://x"; // note\n') == 'const u = "https://x";        \n'
    assert balanced("f(a, (b), c) + 1", 1) == "(a, (b), c)"
