"""Harness for sess-password-change-logout: POST /login (email, password), POST /account/password
(current_password, new_password), GET /me -> {"user_id"} or 401, over users in club.db (werkzeug hashes). Each
browser is its own test client (its own cookies)."""

import os
import sqlite3

from hlib import Exploited, Harness, expect

OK = (200, 301, 302, 303, 307, 308)
ANA = ("ana@example.org", "larch-Pond-71")


def setup(ctx):
    from werkzeug.security import generate_password_hash

    path = ctx.path("club.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, password_hash TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)", [
        (1, ANA[0], generate_password_hash(ANA[1], method="pbkdf2:sha256:600000")),
        (2, "bo@example.org", generate_password_hash("heron-Mill-38", method="pbkdf2:sha256:600000"))])
    conn.commit()
    conn.close()


def browser(ctx):
    return ctx.app().test_client()


def login(c, email, password):
    return c.post("/login", data={"email": email, "password": password}).status_code


def me(c):
    """The user id the app says this browser is logged in as, or None."""
    resp = c.get("/me")
    if resp.status_code != 200:
        return None
    body = resp.get_json(silent=True) or {}
    return body.get("user_id")


def change(c, current, new):
    return c.post("/account/password", data={"current_password": current, "new_password": new}).status_code


HARNESS = Harness("sess-password-change-logout", setup)


@HARNESS.functional
def login_and_me(ctx):
    c = browser(ctx)
    expect(me(c) is None, "GET /me without logging in did not answer 401")
    expect(c.get("/me").status_code == 401, "GET /me without logging in did not answer 401")
    expect(login(c, ANA[0], "wrong-password") == 401, "a wrong password did not answer 401")
    expect(login(c, *ANA) in OK, "a good login did not answer 200 or a redirect")
    expect(str(me(c)) == "1", "after logging in, GET /me does not answer user_id 1")


@HARNESS.functional
def password_change(ctx):
    c = browser(ctx)
    expect(login(c, *ANA) in OK, "a good login did not answer 200 or a redirect")
    expect(change(c, "not-my-password", "new-Larch-99") == 403, "a wrong current_password did not answer 403")
    expect(change(c, ANA[1], "new-Larch-99") in OK, "the password change did not answer 200 or a redirect")
    expect(str(me(c)) == "1", "the device that changed the password was logged out")
    expect(login(browser(ctx), *ANA) == 401, "the old password still logs in")
    d = browser(ctx)
    expect(login(d, ANA[0], "new-Larch-99") in OK and str(me(d)) == "1", "the new password does not log in")


@HARNESS.exploit("other-device-stays-logged-in", cwe="CWE-613")
def other_device(ctx):
    intruder, owner = browser(ctx), browser(ctx)
    expect(login(intruder, *ANA) in OK and login(owner, *ANA) in OK, "logging in failed")
    expect(change(owner, ANA[1], "new-Larch-99") in OK, "the password change failed")
    if str(me(intruder)) == "1":
        return Exploited("a second browser logged in with the old password, then the member changed it",
                         "the other browser is still logged in as the member: changing the password does not "
                         "shut out whoever got into the account")


if __name__ == "__main__":
    HARNESS.main()
