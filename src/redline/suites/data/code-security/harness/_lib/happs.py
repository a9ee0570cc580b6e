"""Helpers of the harness library for whole-app tasks: read back what an app stored (every sqlite file it wrote
and its module-level state), judge stored passwords, find a signing key written into the source, and read the
flags of a cookie the app set."""

from __future__ import annotations

import ast
import glob
import os
import sqlite3
from http.cookies import Morsel, SimpleCookie
from typing import Any

from hpasswords import fast_hash_in, low_cost, plaintext_in


def stored_strings(ctx: Any) -> list[str]:
    """Every text value in every table of every sqlite file under the test directory, and every string held in
    the candidate module's globals (dicts, lists and plain objects, a few levels deep)."""
    found: list[str] = []
    for path in glob.glob(os.path.join(ctx.dir, "**", "*"), recursive=True):
        if not os.path.isfile(path) or os.path.getsize(path) < 100:
            continue
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                continue
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                for row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - names from sqlite_master
                    found += [v.decode("latin-1") if isinstance(v, bytes) else v for v in row
                              if isinstance(v, (str, bytes))]
        finally:
            conn.close()
    if ctx.module is not None:
        _walk(vars(ctx.module), found, 0, set())
    return found


def _walk(value: Any, out: list[str], depth: int, seen: set[int]) -> None:
    if depth > 5 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, bytes):
        out.append(value.decode("latin-1"))
    elif isinstance(value, dict):
        for k, v in list(value.items()):
            if isinstance(k, str) and k.startswith("__"):
                continue
            _walk(k, out, depth + 1, seen)
            _walk(v, out, depth + 1, seen)
    elif isinstance(value, (list, tuple, set)):
        for v in list(value):
            _walk(v, out, depth + 1, seen)
    elif str(getattr(type(value), "__module__", "")).startswith("app"):  # the candidate's own objects only
        try:
            attrs = vars(value)
        except TypeError:
            return
        _walk(attrs, out, depth + 1, seen)


def weak_password_storage(ctx: Any, password: str) -> tuple[str, str] | None:
    """(stored value, why) when the app keeps ``password`` readable, as a fast digest, or under a too-cheap slow
    hash; None when nothing it stored gives it away."""
    for value in stored_strings(ctx):
        if len(value) > 4096:
            continue
        if plaintext_in(value, password):
            return value, "the password can be read back from what the app stored"
        algo = fast_hash_in(value, password)
        if algo:
            return value, f"the app stored a single {algo} digest of the password: billions of guesses a second"
        why = low_cost(value)
        if why:
            return value, f"a slow hash configured too cheap: {why}"
    return None


def literals(source: str) -> list[str]:
    """The string constants of a program (candidate signing keys), longest first."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    out = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return sorted((s for s in out if 4 <= len(s) <= 512 and "\n" not in s), key=len, reverse=True)


def flask_key_in_source(ctx: Any) -> str:
    """The Flask app's secret key when it is one of the program's own string constants, else ''."""
    key = ctx.app().secret_key
    if isinstance(key, bytes):
        key = key.decode("latin-1")
    return key if isinstance(key, str) and key in literals(ctx.source) else ""


def forge_flask_session(ctx: Any, key: str, data: dict[str, Any]) -> str:
    """A session cookie value the app accepts, made with its own key (what an attacker with the source does)."""
    app = ctx.app()
    app.secret_key = key
    return str(app.session_interface.get_signing_serializer(app).dumps(data))


def set_cookies(resp: Any) -> list[str]:
    headers = resp.headers
    return list(headers.get_list("set-cookie") if hasattr(headers, "get_list") else headers.getlist("Set-Cookie"))


def cookie(resp: Any, name: str) -> tuple[Morsel[str] | None, str]:
    """The named cookie a response sets, parsed, and its raw Set-Cookie header."""
    for header in set_cookies(resp):
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        if name in jar:
            return jar[name], header
    return None, ""


def missing_flags(morsel: Morsel[str]) -> list[str]:
    return [flag for flag in ("httponly", "secure") if not morsel[flag]]


def post_form_to(client: Any, page: str, action_end: str, data: dict[str, Any]) -> Any:
    """GET ``page`` and submit, as a same-site browser would, its POST form whose action ends with
    ``action_end`` (hidden fields such as a CSRF token included), with ``data`` on top; without such a form,
    POST ``data`` straight to ``action_end``."""
    from hforms import forms

    body = client.get(page).get_data(as_text=True)
    found = [f for f in forms(body)
             if f["method"] == "post" and (f["action"] or page).split("?")[0].endswith(action_end)]
    fields = dict(found[0]["fields"]) if found else {}
    fields.update(data)
    return client.post((found[0]["action"] or page) if found else action_end, data=fields,
                       headers={"Origin": "http://localhost", "Referer": "http://localhost" + page})


def samesite_blocks_cross_site_posts(app: Any) -> bool:
    """A session cookie marked SameSite=Lax or Strict is not sent with a POST from another site."""
    return str(app.config.get("SESSION_COOKIE_SAMESITE") or "").lower() in ("lax", "strict")
