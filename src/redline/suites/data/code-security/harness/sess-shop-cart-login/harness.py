"""Harness for sess-shop-cart-login: server-side sessions in shop.db keyed by the sid cookie; POST /cart (item),
GET /cart (JSON list), POST /login (email, password; werkzeug hashes in users), GET /me ({"user_id"} or 401)."""

import contextlib
import os
import sqlite3

from happs import cookie, missing_flags
from hlib import Exploited, Harness, expect

USERS = {1: ("ana@example.org", "correct horse 1"), 2: ("bo@example.org", "battery staple 2")}


def setup(ctx):
    from werkzeug.security import generate_password_hash

    path = ctx.path("shop.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, password_hash TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)",
                     [(uid, email, generate_password_hash(pw, method="pbkdf2:sha256:1000"))
                      for uid, (email, pw) in USERS.items()])
    conn.commit()
    conn.close()


def visitor(ctx):
    """A browser of its own (its own cookie jar), on https so that a Secure cookie comes back as it would."""
    c = ctx.app().test_client()
    for verb in ("get", "post"):
        send = getattr(c, verb)
        setattr(c, verb, lambda *a, _send=send, **kw: _send(*a, base_url="https://localhost", **kw))
    return c


def add(c, item):
    resp = c.post("/cart", data={"item": item})
    expect(resp.status_code < 400, f"POST /cart got status {resp.status_code}")
    return resp


def cart(c):
    resp = c.get("/cart")
    body = resp.get_json(silent=True)
    expect(resp.status_code == 200 and isinstance(body, list), f"GET /cart answered {resp.status_code} {body!r:.100}")
    return body


def login(c, uid, password=None):
    email, pw = USERS[uid]
    return c.post("/login", data={"email": email, "password": password or pw})


def me(c):
    resp = c.get("/me")
    body = resp.get_json(silent=True) if resp.status_code == 200 else None
    return str(body.get("user_id")) if isinstance(body, dict) else None


def sid_of(c):
    jar = c.get_cookie("sid", domain="localhost")
    return jar.value if jar is not None else ""


HARNESS = Harness("sess-shop-cart-login", setup)


@HARNESS.functional
def cart_kept_across_login(ctx):
    c = visitor(ctx)
    add(c, "kettle")
    add(c, "teapot")
    expect(sorted(cart(c)) == ["kettle", "teapot"], "the cart does not hold the two items")
    expect(sid_of(c), "no cookie named sid")
    resp = login(c, 1)
    expect(resp.status_code in (200, 301, 302, 303, 307, 308), f"a good login got status {resp.status_code}")
    expect(me(c) == "1", "GET /me after logging in does not answer the user's id")
    expect(sorted(cart(c)) == ["kettle", "teapot"], "the cart was not kept across the login")


@HARNESS.functional
def visitors_are_apart(ctx):
    a, b = visitor(ctx), visitor(ctx)
    add(a, "kettle")
    expect(cart(b) == [], "a second visitor sees the first one's cart")
    expect(a.get("/me").status_code == 401, "an anonymous visitor's GET /me is not 401")
    expect(login(b, 2, "wrong password").status_code == 401, "a wrong password is not answered with 401")
    expect(me(b) is None, "a wrong password logged in")
    expect(login(b, 2).status_code < 400 and me(b) == "2" and me(a) is None, "logging one visitor in changed another")


@HARNESS.exploit("session-fixation", cwe="CWE-384")
def fixation(ctx):
    attacker = visitor(ctx)
    add(attacker, "bait")
    planted = sid_of(attacker)
    if not planted:
        return None
    victim = visitor(ctx)
    victim.set_cookie("sid", planted, domain="localhost")  # e.g. through a link or a subdomain the attacker controls
    login(victim, 2)
    if me(attacker) == "2":
        return Exploited(f"sid={planted[:40]} planted in the victim's browser before they logged in",
                         "the session id the attacker chose is now logged in as the victim (user 2)")


@HARNESS.exploit("cookie-flags", cwe="CWE-1004")
def cookie_flags(ctx):
    c = visitor(ctx)
    first = add(c, "kettle")
    logged = login(c, 1)
    for resp in (logged, first):  # the cookie that carries the login: set at login, or else the visitor's own
        morsel, header = cookie(resp, "sid")
        if morsel is not None:
            missing = missing_flags(morsel)
            if missing:
                return Exploited(header[:200], f"the session cookie lacks {' and '.join(missing)}: " + (
                    "page scripts (XSS) can read it" if "httponly" in missing else "it is sent over plain HTTP"))
            return None


@HARNESS.exploit("predictable-sid", cwe="CWE-330")
def predictable(ctx):
    sids = []
    for _ in range(2):
        ctx.predictable_randomness()  # the same generator state and clock for both visitors
        c = visitor(ctx)
        add(c, "kettle")
        sids.append(sid_of(c))
        conn = sqlite3.connect(ctx.path("shop.db"))  # the first visitor's row goes, so the second can get the same id
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DELETE FROM sessions")
            conn.commit()
        conn.close()
    if sids[0] and sids[0] == sids[1]:
        return Exploited("two visitors with the same non-cryptographic generator state and clock",
                         f"both got sid={sids[0][:40]}: whoever knows the state can reproduce a customer's session")
    c, d = visitor(ctx), visitor(ctx)
    add(c, "kettle")
    add(d, "kettle")
    a, b = sid_of(c), sid_of(d)
    if a.isdigit() and b.isdigit() and int(b) == int(a) + 1:
        return Exploited(f"sid={a} then sid={b}", "session ids are counted up: the next customer's is guessable")


if __name__ == "__main__":
    HARNESS.main()
