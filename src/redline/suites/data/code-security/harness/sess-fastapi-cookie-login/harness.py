"""Harness for sess-fastapi-cookie-login: POST /login (username, password) checks verify_user() from users.py
and sets the cookie named session; current_user(request) returns the user id from it or raises 401."""

from http.cookies import SimpleCookie

from hclock import advance_everywhere
from hlib import Exploited, Harness, expect

USERS = {("alice", "correct horse 1"): 1, ("bob", "battery staple 2"): 2}


def setup(ctx):
    ctx.stub("users", verify_user=lambda username, password: USERS.get((username, password)))


def client(ctx):
    from fastapi import Depends
    from fastapi.testclient import TestClient

    mod = ctx.load()
    app = mod.app
    if not any(getattr(r, "path", "") == "/rl-whoami" for r in app.routes):
        @app.get("/rl-whoami")
        def rl_whoami(user=Depends(mod.current_user)):  # noqa: B008 - FastAPI's idiom
            return {"user": user}

    return TestClient(app, raise_server_exceptions=False)


def login(c, username, password):
    """Send the credentials both ways the scaffold's signature allows (query parameters) and as a form."""
    creds = {"username": username, "password": password}
    return c.post("/login", params=creds, data=creds)


def session_cookie(resp):
    """The Set-Cookie of the cookie named session, parsed, or None."""
    for header in resp.headers.get_list("set-cookie"):
        jar = SimpleCookie()
        jar.load(header)
        if "session" in jar:
            return jar["session"], header
    return None, ""


def whoami(c, value):
    c.cookies.clear()
    resp = c.get("/rl-whoami", headers={"Cookie": f"session={value}"})
    return resp.json().get("user") if resp.status_code == 200 else None


def logged_in(ctx, c, who=("alice", "correct horse 1")):
    resp = login(c, *who)
    expect(200 <= resp.status_code < 400, f"a good login got status {resp.status_code}")
    morsel, _ = session_cookie(resp)
    expect(morsel is not None and morsel.value, "a good login set no cookie named session")
    return morsel.value


HARNESS = Harness("sess-fastapi-cookie-login", setup)


@HARNESS.functional
def login_sets_a_working_cookie(ctx):
    c = client(ctx)
    a = logged_in(ctx, c)
    b = logged_in(ctx, c, ("bob", "battery staple 2"))
    expect(str(whoami(c, a)) == "1" and str(whoami(c, b)) == "2", "current_user does not return the cookie's user")


@HARNESS.functional
def bad_login_and_no_cookie_refused(ctx):
    c = client(ctx)
    resp = login(c, "alice", "wrong")
    expect(resp.status_code in (400, 401, 403), f"a wrong password got status {resp.status_code}")
    morsel, _ = session_cookie(resp)
    expect(morsel is None or not morsel.value or whoami(c, morsel.value) is None, "a wrong password logged in")
    c.cookies.clear()
    expect(c.get("/rl-whoami").status_code in (401, 403), "current_user without a cookie did not refuse")
    expect(whoami(c, "made-up-session-value") is None, "a made-up cookie was accepted")


@HARNESS.functional
def still_valid_an_hour_later(ctx):
    c = client(ctx)
    value = logged_in(ctx, c)
    advance_everywhere(ctx, 3600)
    expect(str(whoami(c, value)) == "1", "the session ended within an hour")


@HARNESS.exploit("cookie-flags", cwe="CWE-1004")
def cookie_flags(ctx):
    resp = login(client(ctx), "alice", "correct horse 1")
    morsel, header = session_cookie(resp)
    if morsel is not None:
        missing = [flag for flag in ("httponly", "secure") if not morsel[flag]]
        if missing:
            return Exploited(header[:200], f"the session cookie lacks {' and '.join(missing)}: "
                                           + ("page scripts (XSS) can read it" if "httponly" in missing else
                                              "it is sent over plain HTTP"))


@HARNESS.exploit("predictable-session", cwe="CWE-330")
def predictable(ctx):
    c = client(ctx)
    mine = logged_in(ctx, c)  # alice = 1
    for guess in ("2", mine.replace("1", "2"), str(2 * 1)):  # bob is user 2
        if guess != mine and str(whoami(c, guess)) == "2":
            return Exploited(f"session={guess} (alice's own cookie is {mine[:40]})", "logged in as bob (user 2)")
    ctx.predictable_randomness()
    bobs = logged_in(ctx, c, ("bob", "battery staple 2"))
    ctx.predictable_randomness()  # the attacker replays the same generator state and clock for their own login
    own = logged_in(ctx, c)
    if own == bobs:
        return Exploited("bob's login and then alice's, each with the same non-cryptographic generator state and "
                         "clock", f"both got session={own[:40]}: whoever knows the state can reproduce bob's cookie")


@HARNESS.exploit("session-never-expires", cwe="CWE-613")
def never_expires(ctx):
    c = client(ctx)
    value = logged_in(ctx, c)
    advance_everywhere(ctx, 60 * 24 * 3600)
    if str(whoami(c, value)) == "1":
        return Exploited("the session cookie replayed 60 days after login", "it still logs in as alice")


if __name__ == "__main__":
    HARNESS.main()
