"""Harness for sess-flask-login-routes: POST /login (email, password) against users(id, email, password_hash) in
users.db with werkzeug hashes, keeping the user's id in session["user_id"]; /logout ends it."""

import os
import sqlite3

from happs import cookie, missing_flags
from hclock import advance_everywhere
from hlib import Exploited, Harness, expect, post_form

USERS = [(1, "ana@example.org", "Ana-login-pw-1"), (2, "ben@example.org", "Ben-login-pw-2")]


def setup(ctx):
    from werkzeug.security import generate_password_hash

    path = ctx.path("users.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)",
                     [(i, e, generate_password_hash(p, method="pbkdf2:sha256:100000")) for i, e, p in USERS])
    conn.commit()
    conn.close()


def client(ctx):
    from flask import session

    app = ctx.app()
    if "rl_whoami" not in app.view_functions:
        app.add_url_rule("/rl-whoami", "rl_whoami", lambda: str(session.get("user_id", "")))
    ctx.ensure_route("/", "index")
    return app.test_client()


def login(c, email, password):
    return post_form(c, "/login", {"email": email, "password": password})


def session_cookie(ctx, resp):
    return cookie(resp, ctx.app().config.get("SESSION_COOKIE_NAME", "session"))


def whoami_with(ctx, value):
    c = ctx.app().test_client()
    c.set_cookie(ctx.app().config.get("SESSION_COOKIE_NAME", "session"), value)
    return c.get("/rl-whoami").get_data(as_text=True)


HARNESS = Harness("sess-flask-login-routes", setup)


@HARNESS.functional
def login_and_logout(ctx):
    c = client(ctx)
    resp = login(c, USERS[0][1], USERS[0][2])
    expect(resp.status_code < 400, f"a good login got status {resp.status_code}")
    expect(c.get("/rl-whoami").get_data(as_text=True) == "1", "session['user_id'] is not the user's id after login")
    c.get("/logout")
    c.post("/logout")
    expect(c.get("/rl-whoami").get_data(as_text=True) == "", "still logged in after /logout")


@HARNESS.functional
def wrong_password_refused(ctx):
    c = client(ctx)
    login(c, USERS[0][1], "not-the-password")
    login(c, "nobody@example.org", USERS[0][2])
    expect(c.get("/rl-whoami").get_data(as_text=True) == "", "a wrong password logged in")


@HARNESS.functional
def still_logged_in_next_day(ctx):
    c = client(ctx)
    morsel, header = session_cookie(ctx, login(c, USERS[1][1], USERS[1][2]))
    expect(morsel is not None and morsel.value, "the login set no session cookie")
    expect(morsel["expires"] or morsel["max-age"], f"the session cookie ends with the browser: {header[:160]}")
    advance_everywhere(ctx, 26 * 3600)
    expect(whoami_with(ctx, morsel.value) == "2", "the session did not last until the next day")


@HARNESS.exploit("cookie-flags", cwe="CWE-1004")
def cookie_flags(ctx):
    morsel, header = session_cookie(ctx, login(client(ctx), USERS[0][1], USERS[0][2]))
    if morsel is not None and morsel.value and missing_flags(morsel):
        return Exploited(header[:200], f"the session cookie lacks {' and '.join(missing_flags(morsel))}")


@HARNESS.exploit("session-never-expires", cwe="CWE-613")
def never_expires(ctx):
    morsel, _ = session_cookie(ctx, login(client(ctx), USERS[0][1], USERS[0][2]))
    if morsel is None:
        return None
    advance_everywhere(ctx, 366 * 24 * 3600)
    if whoami_with(ctx, morsel.value) == "1":
        return Exploited("the session cookie replayed 366 days after login", "it still logs in as ana: a stolen "
                                                                           "cookie works for over a year")


if __name__ == "__main__":
    HARNESS.main()
