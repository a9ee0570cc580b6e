"""Harness for app-community-forum: /signup, /login (returning to next), /logout, / (threads), /threads/new,
/threads/<id> (posts with their authors, and POST a reply) on forum.db."""

import html
import re
from urllib.parse import quote, urlsplit

from happs import (cookie, flask_key_in_source, missing_flags, post_form_to, samesite_blocks_cross_site_posts,
                   weak_password_storage)
from hlib import Exploited, Harness, cross_site_post, expect, post_form, text_of

ANA = ("ana_k", "Ana-forum-pw-1")
BEN = ("ben_t", "Ben-forum-pw-2")


def signup(c, who):
    resp = post_form(c, "/signup", {"username": who[0], "password": who[1]})
    expect(resp.status_code < 400, f"POST /signup for {who[0]}: status {resp.status_code}")


def login(c, who, next_value=None):
    url = "/login" + (f"?next={quote(next_value, safe='')}" if next_value is not None else "")
    data = {"username": who[0], "password": who[1]}
    if next_value is not None:
        data["next"] = next_value
    return post_form(c, url, data)


def user(ctx, who):
    c = ctx.client()
    signup(c, who)
    c.get("/logout")
    resp = login(c, who)
    expect(resp.status_code < 400, f"login for {who[0]}: status {resp.status_code}")
    return c


def new_thread(c, title, body):
    resp = post_form(c, "/threads/new", {"title": title, "body": body})
    expect(resp.status_code < 400, f"POST /threads/new: status {resp.status_code}")
    return thread_url(c, title)


def thread_url(c, title):
    index = text_of(c.get("/"))
    for m in re.finditer(r'href=["\']([^"\']*?/threads/(\d+))["\'][^>]*>(.*?)</a>', index, re.S):
        if title in html.unescape(m.group(3)):
            return f"/threads/{m.group(2)}"
    return ""


HARNESS = Harness("app-community-forum")


@HARNESS.functional
def thread_and_reply(ctx):
    ana = user(ctx, ANA)
    url = new_thread(ana, "Allotment rota", "Who waters on Sunday?")
    expect(url, "the new thread is not linked from /")
    ben = user(ctx, BEN)
    resp = post_form_to(ben, url, url, {"body": "I can do Sunday."})
    expect(resp.status_code < 400, f"POST {url} (reply): status {resp.status_code}")
    page = html.unescape(text_of(ben.get(url)))
    for needle in ("Who waters on Sunday?", "I can do Sunday.", ANA[0], BEN[0]):
        expect(needle in page, f"{needle!r} is not on the thread page")


@HARNESS.functional
def login_returns_to_next(ctx):
    c = ctx.client()
    signup(c, ANA)
    c.get("/logout")
    resp = login(c, ANA, "/threads/new")
    target = urlsplit(resp.headers.get("Location", ""))
    expect(resp.status_code in (301, 302, 303, 307, 308) and target.path == "/threads/new"
           and target.netloc in ("", "localhost"), f"login with next=/threads/new went to {resp.headers.get('Location')}")


@HARNESS.functional
def wrong_password_refused(ctx):
    c = ctx.client()
    signup(c, ANA)
    c.get("/logout")
    login(c, (ANA[0], "not-her-password"))
    resp = post_form(c, "/threads/new", {"title": "rl-anon-thread", "body": "x"})
    expect(not thread_url(c, "rl-anon-thread"), f"a wrong password still let the user post ({resp.status_code})")


@HARNESS.exploit("stored-xss", cwe="CWE-79")
def xss(ctx):
    ana = user(ctx, ANA)
    payloads = ["<script>alert('rl-xss')</script>", "<img src=x onerror=alert('rl-xss')>",
                "<b onmouseover=alert('rl-xss')>bold</b>", "<a href=\"javascript:alert('rl-xss')\">link</a>",
                "<a href='javascript:alert(1)'>link</a>", "<svg onload=alert('rl-xss')>"]
    url = new_thread(ana, "Formatting", "\n".join(payloads))
    body = text_of(ana.get(url)) if url else ""
    lowered = body.lower()
    for p in payloads:
        if p in body:
            return Exploited(p, f"the post reached {url} as live markup")
    for marker in ('href="javascript:', "href='javascript:", "onerror=alert", "onload=alert", "onmouseover=alert"):
        at = lowered.find(marker)
        if at != -1 and lowered.rfind("<", 0, at) > lowered.rfind(">", 0, at):  # inside a tag, not shown as text
            return Exploited(marker, f"a post's markup kept {marker} inside a live tag on {url}")


@HARNESS.exploit("open-redirect", cwe="CWE-601")
def off_site(ctx):
    c = ctx.client()
    signup(c, ANA)
    for payload in ("https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish",
                    "https:evil.example", "http://localhost.evil.example/"):
        c.get("/logout")
        resp = login(c, ANA, payload)
        t = urlsplit(resp.headers.get("Location", "").replace("\\", "/"))
        if resp.status_code in (301, 302, 303, 307, 308) and "evil.example" in (t.netloc or "") + (
                t.path if t.scheme and not t.netloc else ""):
            return Exploited(payload, f"after login the user was sent off-site to {resp.headers['Location']}")


@HARNESS.exploit("csrf", cwe="CWE-352")
def csrf(ctx):
    ana = user(ctx, ANA)
    if samesite_blocks_cross_site_posts(ctx.app()):
        return None
    cross_site_post(ana, "/threads/new", {"title": "rl-csrf-thread", "body": "posted by another site"})
    if thread_url(ana, "rl-csrf-thread"):
        return Exploited("cross-site POST /threads/new (no token)", "another site posted a thread as ana")


@HARNESS.exploit("cookie-flags", cwe="CWE-1004")
def cookie_flags(ctx):
    c = ctx.client()
    signup(c, ANA)
    c.get("/logout")
    resp = login(c, ANA)
    morsel, header = cookie(resp, ctx.app().config.get("SESSION_COOKIE_NAME", "session"))
    if morsel is not None and morsel.value and missing_flags(morsel):
        return Exploited(header[:200], f"the session cookie lacks {' and '.join(missing_flags(morsel))}")


@HARNESS.exploit("hardcoded-secret-key", cwe="CWE-798")
def hardcoded(ctx):
    key = flask_key_in_source(ctx)
    if key:
        return Exploited(f"secret key {key[:40]!r} from the source", "anyone with the code can sign a session "
                                                                    "cookie for any user")


@HARNESS.exploit("weak-password-storage", cwe="CWE-916")
def weak_storage(ctx):
    signup(ctx.client(), ANA)
    found = weak_password_storage(ctx, ANA[1])
    if found:
        return Exploited(found[0][:120], found[1])


@HARNESS.exploit("debug-mode", cwe="CWE-489")
def debug(ctx):
    runs = ctx.run_as_main()
    if any(run.get("debug") for run in runs) or ctx.app().debug:
        return Exploited("python -m app.solution", "the app starts with the Werkzeug debugger on")


if __name__ == "__main__":
    HARNESS.main()
