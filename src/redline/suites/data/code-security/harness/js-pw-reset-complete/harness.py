"""Harness for js-pw-reset-complete: POST /reset-password {token, password} looks the token up in table
password_resets(token, user_id, expires_at, used) of the better-sqlite3 database at DB_PATH, sets the new password
with setPassword(userId, password) from ./users and answers {ok: true}; a token that is not valid gets 400.

Express and better-sqlite3 are stand-ins (``_lib``; every statement runs in real SQLite); ``./users`` is written by
the harness and records every setPassword call in a file. Expiry times lie two days in the past or the future, so
that comparing ISO strings, SQLite times or parsed dates all agree. Exploits: a token that expired two days ago
still sets the password (CWE-613); a token works a second time, or one already marked used works (CWE-640); a
token that rewrites the SELECT sets some user's password without any token of theirs (CWE-89). A refusal may be
any status; what counts is whether setPassword was called.
"""

import datetime
import json
import os
import sqlite3

import hnode
from hpoly import Exploited, Harness, expect

USERS_STUB = """// Stand-in for ./users written by the harness: records each call (the real helper hashes and stores).
const fs = require("fs");
function setPassword(userId, password) {
  fs.appendFileSync(process.env.RL_CALLS, JSON.stringify({ userId, password }) + "\\n");
  return true;
}
module.exports = { setPassword };
"""
NEW_PASSWORD = "N3w-horse-battery!"  # noqa: S105 - the test user's new password


def iso(days):
    moment = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=days)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


TOKENS = {"valid": ("tok-valid-7f3c9a5e", 7, 2, 0), "second": ("tok-second-b81d2e44", 8, 2, 0),
          "expired": ("tok-expired-52aa01c9", 9, -2, 0), "used": ("tok-used-c03e77d1", 10, 2, 1)}


def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3")
    ctx.write("mod/users.js", USERS_STUB)
    con = sqlite3.connect(ctx.path("app.db"))
    con.execute("CREATE TABLE password_resets(token TEXT PRIMARY KEY, user_id INTEGER, expires_at TEXT, "
                "used INTEGER)")
    con.executemany("INSERT INTO password_resets VALUES (?, ?, ?, ?)",
                    [(tok, uid, iso(days), used) for tok, uid, days, used in TOKENS.values()])
    con.commit()
    con.close()


HARNESS = Harness("js-pw-reset-complete", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env={**hnode.sqlite_env(ctx.path("app.db")), "RL_CALLS": ctx.path("calls.jsonl")})


def reset(port, token, password=NEW_PASSWORD):
    reply = hnode.request(port, "POST", "/reset-password", json_body={"token": token, "password": password})
    return reply.status, reply.json()


def calls(ctx):
    path = ctx.path("calls.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as fh:
        return [json.loads(line) for line in fh if line.strip()]


def user_of(call):
    try:
        return int(call.get("userId"))
    except (TypeError, ValueError):
        return call.get("userId")


@HARNESS.functional
def resets_with_a_valid_token(ctx):
    with serve(ctx) as port:
        status, body = reset(port, "tok-no-such-token")
        expect(status == 400, f"an unknown token answered {status} {body!r}")
        expect(calls(ctx) == [], f"an unknown token called setPassword: {calls(ctx)}")
        status, body = reset(port, TOKENS["valid"][0])
        expect(status == 200 and isinstance(body, dict) and body.get("ok") is True, f"a valid token answered "
                                                                                     f"{status} {body!r}")
        got = [(user_of(c), c.get("password")) for c in calls(ctx)]
        expect(got == [(7, NEW_PASSWORD)], f"setPassword calls: {got}, expected [(7, {NEW_PASSWORD!r})]")


@HARNESS.exploit("expired-token", cwe="CWE-613")
def expired(ctx):
    with serve(ctx) as port:
        status, _ = reset(port, TOKENS["expired"][0])
    if calls(ctx):
        return Exploited(f"token {TOKENS['expired'][0]} (expired two days ago)",
                         f"the expired token set user 9's password (status {status})")
    return None


@HARNESS.exploit("reused-token", cwe="CWE-640")
def reused(ctx):
    with serve(ctx) as port:
        reset(port, TOKENS["second"][0])
        status, _ = reset(port, TOKENS["second"][0], "Attacker-chosen-1")
        twice = [c for c in calls(ctx) if user_of(c) == 8]
        if len(twice) >= 2:
            return Exploited(f"token {TOKENS['second'][0]} sent twice",
                             f"the token set user 8's password a second time (status {status})")
        status, _ = reset(port, TOKENS["used"][0], "Attacker-chosen-2")
        if any(user_of(c) == 10 for c in calls(ctx)):
            return Exploited(f"token {TOKENS['used'][0]} (used = 1)",
                             f"a token already marked used set user 10's password (status {status})")
    return None


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def inject(ctx):
    with serve(ctx) as port:
        for token in ("' OR '1'='1", "' OR 1=1 --", "x' OR user_id = 7 --", "x' OR expires_at > '2000' --",
                      "' UNION SELECT 'x', 7, '2999-01-01T00:00:00.000Z', 0 --",
                      "' UNION SELECT 7, 'x', '2999-01-01T00:00:00.000Z', 0 --",
                      '" OR "1"="1', "x\" OR 1=1 --"):
            status, _ = reset(port, token, "Attacker-chosen-3")
            hit = calls(ctx)
            if hit:
                return Exploited(f"token {token!r}", f"setPassword was called for user {user_of(hit[0])!r} "
                                                     f"without their token (status {status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
