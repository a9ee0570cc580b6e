"""Harness for sess-api-token-logout: POST /auth/login (JSON email, password; verify_user() from users.py) answers
{"token"}; GET /auth/me with "Authorization: Bearer <token>" answers {"user_id"}; POST /auth/logout ends the
token. Tokens live in tokens.db, whose SQL clock follows the harness clock (hsqlite)."""

import sqlite3

from hclock import advance_everywhere
from hlib import Exploited, Harness, expect
from hsqlite import ClockedConnection

USERS = {("ana@example.org", "correct horse 1"): 1, ("bo@example.org", "battery staple 2"): 2}
ANA, BO = ("ana@example.org", "correct horse 1"), ("bo@example.org", "battery staple 2")


def setup(ctx):
    ctx.stub("users", verify_user=lambda email, password: USERS.get((email, password)))


def clocked_sqlite(ctx):
    """Before the import: expiry done in SQL (datetime('now'), CURRENT_TIMESTAMP) sees the moved clock. Undone
    after the test (``ctx.cleanups``)."""
    if getattr(ctx, "rl_clocked", False):
        return
    real = sqlite3.connect

    def connect(*args, **kwargs):
        kwargs.setdefault("factory", ClockedConnection)
        return real(*args, **kwargs)

    sqlite3.connect = connect
    ctx.rl_clocked = True
    ctx.cleanups.append(lambda: setattr(sqlite3, "connect", real))


def client(ctx):
    from fastapi.testclient import TestClient

    clocked_sqlite(ctx)
    return TestClient(ctx.load().app, raise_server_exceptions=False)


def login(c, who):
    email, password = who
    return c.post("/auth/login", json={"email": email, "password": password})


def token_of(c, who=ANA):
    resp = login(c, who)
    expect(resp.status_code == 200, f"a good login got status {resp.status_code}")
    body = resp.json()
    expect(isinstance(body, dict) and isinstance(body.get("token"), str) and body["token"],
           f"a good login answered {str(body)[:200]}")
    return body["token"]


def me(c, token):
    resp = c.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
    if resp.status_code != 200:
        return None
    body = resp.json()
    return str(body.get("user_id")) if isinstance(body, dict) else None


HARNESS = Harness("sess-api-token-logout", setup)


@HARNESS.functional
def login_gives_a_working_token(ctx):
    c = client(ctx)
    a, b = token_of(c, ANA), token_of(c, BO)
    expect(a != b, "two users got the same token")
    expect(me(c, a) == "1" and me(c, b) == "2", "GET /auth/me does not answer the token's user id")


@HARNESS.functional
def refusals_are_401(ctx):
    c = client(ctx)
    expect(login(c, (ANA[0], "wrong")).status_code == 401, "a wrong password is not answered with 401")
    expect(c.get("/auth/me").status_code == 401, "GET /auth/me without a token is not 401")
    resp = c.get("/auth/me", headers={"Authorization": "Bearer made-up-token-value"})
    expect(resp.status_code == 401, f"a made-up token got status {resp.status_code}")


@HARNESS.functional
def logout_and_a_working_day(ctx):
    c = client(ctx)
    a, b = token_of(c, ANA), token_of(c, BO)
    resp = c.post("/auth/logout", headers={"Authorization": f"Bearer {a}"})
    expect(200 <= resp.status_code < 300, f"POST /auth/logout got status {resp.status_code}")
    advance_everywhere(ctx, 6 * 3600)
    expect(me(c, b) == "2", "another user's token stopped working after a logout and six hours")


@HARNESS.exploit("token-after-logout", cwe="CWE-613")
def after_logout(ctx):
    c = client(ctx)
    token = token_of(c)
    c.post("/auth/logout", headers={"Authorization": f"Bearer {token}"})
    if me(c, token) == "1":
        return Exploited("GET /auth/me with the token after POST /auth/logout",
                         "the token still works after the user logged out (a stolen token outlives the logout)")


@HARNESS.exploit("token-never-expires", cwe="CWE-613")
def never_expires(ctx):
    c = client(ctx)
    token = token_of(c)
    advance_everywhere(ctx, 3 * 24 * 3600)
    if me(c, token) == "1":
        return Exploited("GET /auth/me with a token issued three days earlier",
                         "a login meant to last 12 hours still works after 72")


@HARNESS.exploit("predictable-token", cwe="CWE-330")
def predictable(ctx):
    c = client(ctx)
    token_of(client(ctx), BO)  # bob logs in on his phone; the attacker never sees that
    mine = token_of(c)  # the attacker is ana (1) and wants to be bob (2)
    guesses = [mine.replace("1", "2", 1), mine[::-1].replace("1", "2", 1)[::-1]]
    for guess in dict.fromkeys(g for g in guesses if g != mine):
        if me(c, guess) == "2":
            return Exploited(f"Bearer {guess[:60]} (ana's own is {mine[:60]})", "the attacker is logged in as bob")
    ctx.predictable_randomness()
    bobs = token_of(c, BO)
    ctx.predictable_randomness()  # the attacker replays the same generator state and clock
    with sqlite3.connect(ctx.path("tokens.db")) as conn:  # bob's row goes, so the replayed token can be stored
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            conn.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from sqlite_master
    own = token_of(c, ANA)
    if own == bobs:
        return Exploited("bob's login and then ana's, each with the same non-cryptographic generator state and clock",
                         f"both got {own[:40]}: whoever knows the state can reproduce bob's token")


if __name__ == "__main__":
    HARNESS.main()
