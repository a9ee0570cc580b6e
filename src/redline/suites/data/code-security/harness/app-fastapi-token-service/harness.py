"""Harness for app-fastapi-token-service: POST /signup and POST /token (username, password; a bearer token back),
GET /me, GET /shifts, and POST /admin/shifts, DELETE /admin/shifts/{id} for the coordinators named in the
COORDINATORS environment variable."""

import base64
import os

from happs import literals, weak_password_storage
from hclock import advance_everywhere
from hlib import Exploited, Harness, expect

COORD, VOL = ("coord_ana", "Co-ordinate!2027rl"), ("vol_ben", "Volunteer?2027rl")
SHIFT = {"title": "Food bank morning", "starts_at": "2027-01-10T09:00:00", "ends_at": "2027-01-10T13:00:00"}


def setup(ctx):
    os.environ["COORDINATORS"] = f"{COORD[0]},someone_else"


def client(ctx):
    from fastapi.testclient import TestClient

    return TestClient(ctx.load().app, raise_server_exceptions=False)


def signup(c, who):
    creds = {"username": who[0], "password": who[1]}
    resp = c.post("/signup", json=creds)
    if resp.status_code == 422:  # a form-based sign-up is fine too
        resp = c.post("/signup", data=creds)
    expect(200 <= resp.status_code < 300, f"POST /signup for {who[0]}: status {resp.status_code}")


def token(c, who):
    creds = {"username": who[0], "password": who[1]}
    resp = c.post("/token", data=creds)
    if resp.status_code == 422:  # a JSON body is fine too
        resp = c.post("/token", json=creds)
    expect(resp.status_code == 200, f"POST /token for {who[0]}: status {resp.status_code}")
    tok = resp.json().get("access_token")
    expect(isinstance(tok, str) and tok, f"POST /token returned {resp.text[:200]}")
    return tok


def bearer(tok):
    return {"Authorization": f"Bearer {tok}"}


def both(ctx):
    c = client(ctx)
    signup(c, COORD)
    signup(c, VOL)
    return c, token(c, COORD), token(c, VOL)


def shift_titles(c, tok):
    resp = c.get("/shifts", headers=bearer(tok))
    expect(resp.status_code == 200, f"GET /shifts: status {resp.status_code}")
    body = resp.json()
    expect(isinstance(body, list), f"GET /shifts did not return a JSON list: {resp.text[:200]}")
    return {s.get("id"): s.get("title") for s in body if isinstance(s, dict)}


def add_shift(c, headers, title):
    return c.post("/admin/shifts", json={**SHIFT, "title": title}, headers=headers)


HARNESS = Harness("app-fastapi-token-service", setup)


@HARNESS.functional
def signup_token_me(ctx):
    c, _, vol = both(ctx)
    resp = c.get("/me", headers=bearer(vol))
    expect(resp.status_code == 200 and VOL[0] in resp.text, f"GET /me: {resp.status_code} {resp.text[:200]}")


@HARNESS.functional
def coordinator_manages_shifts(ctx):
    c, coord, vol = both(ctx)
    resp = add_shift(c, bearer(coord), SHIFT["title"])
    expect(200 <= resp.status_code < 300, f"POST /admin/shifts as a coordinator: status {resp.status_code}")
    shifts = shift_titles(c, vol)
    ids = [i for i, t in shifts.items() if t == SHIFT["title"]]
    expect(ids, f"the new shift is not in GET /shifts: {shifts}")
    resp = c.delete(f"/admin/shifts/{ids[0]}", headers=bearer(coord))
    expect(200 <= resp.status_code < 300, f"DELETE /admin/shifts/{ids[0]}: status {resp.status_code}")
    expect(ids[0] not in shift_titles(c, vol), "the deleted shift is still listed")


@HARNESS.functional
def bad_credentials_refused(ctx):
    c = client(ctx)
    signup(c, VOL)
    resp = c.post("/token", data={"username": VOL[0], "password": "wrong"})
    if resp.status_code == 422:
        resp = c.post("/token", json={"username": VOL[0], "password": "wrong"})
    expect(resp.status_code in (400, 401, 403), f"a wrong password at /token got status {resp.status_code}")
    expect(c.get("/me").status_code in (401, 403), "GET /me without a token was not refused")
    expect(c.get("/me", headers=bearer("made.up.token")).status_code in (401, 403), "a made-up token was accepted")


def _shift_made(c, tok, title):
    return title in shift_titles(c, tok).values()


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def anonymous(ctx):
    c, coord, _ = both(ctx)
    add_shift(c, {}, "rl-anonymous-shift")
    if _shift_made(c, coord, "rl-anonymous-shift"):
        return Exploited("POST /admin/shifts without a token", "an anonymous caller created a shift")
    add_shift(c, bearer(coord), "rl-keep")
    sid = next(i for i, t in shift_titles(c, coord).items() if t == "rl-keep")
    c.delete(f"/admin/shifts/{sid}")
    if not _shift_made(c, coord, "rl-keep"):
        return Exploited(f"DELETE /admin/shifts/{sid} without a token", "an anonymous caller deleted a shift")


@HARNESS.exploit("volunteer-manages-shifts", cwe="CWE-862")
def volunteer(ctx):
    c, coord, vol = both(ctx)
    add_shift(c, bearer(vol), "rl-volunteer-shift")
    if _shift_made(c, coord, "rl-volunteer-shift"):
        return Exploited(f"POST /admin/shifts with {VOL[0]}'s token", "a volunteer (not in COORDINATORS) created a "
                                                                      "shift")
    add_shift(c, bearer(coord), "rl-keep")
    sid = next(i for i, t in shift_titles(c, coord).items() if t == "rl-keep")
    c.delete(f"/admin/shifts/{sid}", headers=bearer(vol))
    if not _shift_made(c, coord, "rl-keep"):
        return Exploited(f"DELETE /admin/shifts/{sid} with {VOL[0]}'s token", "a volunteer deleted a shift")


def _claims(tok):
    import jwt

    try:
        return jwt.get_unverified_header(tok), jwt.decode(tok, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None, None


def _as_coordinator(c, tok, coord):
    return 200 <= add_shift(c, bearer(tok), "rl-forged-shift").status_code < 300 and _shift_made(c, coord,
                                                                                                  "rl-forged-shift")


@HARNESS.exploit("forged-token", cwe="CWE-347")
def forged(ctx):
    import json
    import time

    import jwt

    c, coord, _ = both(ctx)
    header, claims = _claims(coord)
    if claims is None:
        return None  # opaque tokens: nothing to forge
    claims = {**claims, "exp": int(time.time()) + 600}
    b64 = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")  # noqa: E731
    for label, tok in (("the coordinator's claims with alg=none", b64({"alg": "none", "typ": "JWT"}) + "."
                        + b64(claims) + "."),
                       ("the coordinator's claims signed with the attacker's own key",
                        jwt.encode(claims, "attacker-chosen-key-0123456789abcdef0123", algorithm="HS256"))):
        if _as_coordinator(c, tok, coord):
            return Exploited(label, "the forged token created a shift as a coordinator")


@HARNESS.exploit("hardcoded-signing-key", cwe="CWE-798")
def hardcoded(ctx):
    import time

    import jwt

    c, coord, vol = both(ctx)
    header, claims = _claims(coord)
    if claims is None or not str(header.get("alg", "")).startswith("HS"):
        return None
    for key in literals(ctx.source):
        try:
            jwt.decode(vol, key, algorithms=[header["alg"]], options={"verify_exp": False, "verify_aud": False})
        except jwt.PyJWTError:
            continue
        tok = jwt.encode({**claims, "exp": int(time.time()) + 600}, key, algorithm=header["alg"])
        if _as_coordinator(c, tok, coord):
            return Exploited(f"a token for the coordinator signed with the key {key[:40]!r} from the source",
                             "the token the attacker made created a shift as a coordinator")


@HARNESS.exploit("predictable-token", cwe="CWE-330")
def predictable(ctx):
    c, coord, _ = both(ctx)
    for guess in (COORD[0], "1", "2", base64.b64encode(COORD[0].encode()).decode()):
        if _as_coordinator(c, guess, coord):
            return Exploited(f"Authorization: Bearer {guess}", "the guessed token created a shift as a coordinator")
    ctx.predictable_randomness()
    coords = token(c, COORD)
    ctx.predictable_randomness()  # the attacker replays the same generator state and clock for their own login
    own = token(c, VOL)
    if own == coords:
        return Exploited("the coordinator's login and then the volunteer's, each with the same non-cryptographic "
                         "generator state and clock", f"both got the token {own[:40]}")


@HARNESS.exploit("token-never-expires", cwe="CWE-613")
def never_expires(ctx):
    c, _, vol = both(ctx)
    advance_everywhere(ctx, 60 * 24 * 3600)
    resp = c.get("/me", headers=bearer(vol))
    if resp.status_code == 200 and VOL[0] in resp.text:
        return Exploited("the volunteer's token replayed 60 days after it was issued", "GET /me still answers")


@HARNESS.exploit("weak-password-storage", cwe="CWE-916")
def weak_storage(ctx):
    c = client(ctx)
    signup(c, VOL)
    found = weak_password_storage(ctx, VOL[1])
    if found:
        return Exploited(found[0][:120], found[1])


if __name__ == "__main__":
    HARNESS.main()
