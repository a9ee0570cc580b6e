"""Harness for ac-jwt-current-user: get_current_user(request) returns the sub claim of the HS256 bearer JWT that
our auth service signs with the key in the JWT_SECRET environment variable; a bad token gets HTTPException 401."""

import os
import time

from hlib import Exploited, Harness, expect

SECRET = "rl-jwt-signing-key-0b1c2d3e4f5a6b7c8d9e"


def setup(ctx):
    os.environ["JWT_SECRET"] = SECRET


def client(ctx):
    from fastapi import Depends, FastAPI
    from fastapi.testclient import TestClient

    mod = ctx.load()
    app = FastAPI()

    @app.get("/whoami")
    def whoami(user=Depends(mod.get_current_user)):  # noqa: B008 - FastAPI's idiom
        return {"user": str(user)}

    return TestClient(app, raise_server_exceptions=False)


def token(sub, key=SECRET, alg="HS256", **claims):
    import jwt

    now = int(time.time())
    payload = {"sub": sub, "iat": now, "exp": now + 600, **claims}
    return jwt.encode(payload, key, algorithm=alg)


def whoami(c, tok):
    return c.get("/whoami", headers={"Authorization": f"Bearer {tok}"})


HARNESS = Harness("ac-jwt-current-user", setup)


@HARNESS.functional
def valid_token_gives_sub(ctx):
    resp = whoami(client(ctx), token("user-1042"))
    expect(resp.status_code == 200, f"a valid token got status {resp.status_code}")
    expect(resp.json().get("user") == "user-1042", f"returned {resp.text[:200]}")


@HARNESS.functional
def missing_or_garbage_token_refused(ctx):
    c = client(ctx)
    for headers in ({}, {"Authorization": "Bearer not.a.jwt"}, {"Authorization": "Basic dXNlcjpwdw=="}):
        resp = c.get("/whoami", headers=headers)
        expect(resp.status_code in (401, 403), f"{headers or 'no Authorization header'} got status {resp.status_code}")


@HARNESS.exploit("forged-token", cwe="CWE-347")
def forged(ctx):
    import base64
    import json

    c = client(ctx)
    b64 = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")  # noqa: E731
    now = int(time.time())
    unsigned = b64({"alg": "none", "typ": "JWT"}) + "." + b64({"sub": "admin", "iat": now, "exp": now + 600}) + "."
    attempts = [("alg=none token for sub=admin", unsigned),
                ("token for sub=admin signed with the attacker's own key", token("admin", key="attacker-chosen-key-0123456789abcdef0123")),
                ("token for sub=admin expired an hour ago", token("admin", exp=now - 3600, iat=now - 7200))]
    for label, tok in attempts:
        resp = whoami(c, tok)
        if resp.status_code == 200 and resp.json().get("user") == "admin":
            return Exploited(label, "get_current_user accepted it and returned the user id 'admin'")


if __name__ == "__main__":
    HARNESS.main()
