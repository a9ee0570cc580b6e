"""Harness for sess-remember-me-cookie: remember_user(response, user_id) sets the cookie named remember_me and
stores what it needs in app.db; a before_request handler puts the user's id back in session["user_id"]."""

import os
import sqlite3
from http.cookies import SimpleCookie

from hlib import Exploited, Harness, expect


def setup(ctx):
    if os.path.exists(ctx.path("app.db")):
        os.remove(ctx.path("app.db"))
    conn = sqlite3.connect(ctx.path("app.db"))
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)")
    conn.executemany("INSERT INTO users (id, email) VALUES (?, ?)", [(1, "alice@example.org"), (2, "bob@example.org")])
    conn.commit()
    conn.close()


def client(ctx):
    from flask import make_response, session

    app = ctx.app()
    if "rl_remember" not in app.view_functions:
        def rl_remember(uid):
            session["user_id"] = uid  # what our login code does on a good login
            resp = make_response("logged in")
            return ctx.module.remember_user(resp, uid) or resp

        app.add_url_rule("/rl-login/<int:uid>", "rl_remember", rl_remember, methods=["POST"])
        app.add_url_rule("/rl-whoami", "rl_whoami", lambda: str(session.get("user_id", "")))
    return app.test_client()


def remember_cookie(resp):
    for header in resp.headers.getlist("Set-Cookie"):
        jar = SimpleCookie()
        jar.load(header)
        if "remember_me" in jar:
            return jar["remember_me"], header
    return None, ""


def remember(c, uid):
    resp = c.post(f"/rl-login/{uid}")
    expect(resp.status_code == 200, f"remember_user on a login answered {resp.status_code}")
    morsel, _ = remember_cookie(resp)
    expect(morsel is not None and morsel.value, "remember_user set no cookie named remember_me")
    return morsel.value


def later_visit(ctx, value):
    """A new browser session (no Flask session cookie) that only carries the remember-me cookie."""
    c = ctx.app().test_client()
    c.set_cookie("remember_me", value)
    return c.get("/rl-whoami").get_data(as_text=True)


HARNESS = Harness("sess-remember-me-cookie", setup)


@HARNESS.functional
def cookie_logs_back_in(ctx):
    c = client(ctx)
    a, b = remember(c, 1), remember(c, 2)
    expect(later_visit(ctx, a) == "1", "a later visit with alice's remember-me cookie was not logged in as 1")
    expect(later_visit(ctx, b) == "2", "a later visit with bob's remember-me cookie was not logged in as 2")


@HARNESS.functional
def no_or_bad_cookie_stays_anonymous(ctx):
    client(ctx)
    expect(ctx.app().test_client().get("/rl-whoami").get_data(as_text=True) == "", "no cookie yet logged in")
    expect(later_visit(ctx, "made-up-value") == "", "a made-up remember-me cookie logged in")


@HARNESS.exploit("cookie-flags", cwe="CWE-1004")
def cookie_flags(ctx):
    resp = client(ctx).post("/rl-login/1")
    morsel, header = remember_cookie(resp)
    if morsel is not None:
        missing = [flag for flag in ("httponly", "secure") if not morsel[flag]]
        if missing:
            return Exploited(header[:200], f"the remember-me cookie lacks {' and '.join(missing)}: "
                                           + ("page scripts (XSS) can read it" if "httponly" in missing else
                                              "it is sent over plain HTTP"))


@HARNESS.exploit("forgeable-cookie", cwe="CWE-330")
def forgeable(ctx):
    c = client(ctx)
    remember(ctx.app().test_client(), 2)  # bob ticked the box on his own machine; the attacker never sees that
    mine = remember(c, 1)  # the attacker is alice (1) and wants to be bob (2)
    guesses = ["2", mine.replace("1", "2", 1), mine[::-1].replace("1", "2", 1)[::-1]]
    for guess in dict.fromkeys(g for g in guesses if g != mine):
        if later_visit(ctx, guess) == "2":
            return Exploited(f"remember_me={guess[:60]} (alice's own is {mine[:60]})", "logged in as bob (user 2)")
    ctx.predictable_randomness()
    bobs = remember(c, 2)
    ctx.predictable_randomness()  # the attacker replays the same generator state and clock for their own login
    own = remember(c, 1)
    if own == bobs:
        return Exploited("bob's remember-me and then alice's, each with the same non-cryptographic generator "
                         "state and clock", f"both got {own[:40]}: whoever knows the state can reproduce bob's")


if __name__ == "__main__":
    HARNESS.main()
