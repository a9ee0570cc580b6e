"""Harness for js-sql-profile-update: PATCH /me changes the fields present in the JSON body (any of displayName,
bio, city) in the logged-in user's row (req.session.userId) of table users at DB_PATH and answers {id, displayName,
bio, city}.

Express, express-session and better-sqlite3 are stand-ins (``_lib``; every statement runs in real SQLite), and
every request arrives with a session whose ``userId`` the harness chooses. The table is read back after every
request. Exploits: a body with other columns (role, email, id) changes them (CWE-915); a field name or value
that rewrites the UPDATE changes the role or another user's row (CWE-89). A program may ignore or refuse the
other fields (any status).
"""

import sqlite3

import hnode
from hpoly import Exploited, Harness, expect

USERS = [(1, "ann@example.org", "Ann", "Baker", "Leeds", "member"),
         (2, "bob@example.org", "Bob", "Admin here", "Cork", "admin"),
         (3, "cy@example.org", "Cy", "Hello", "Oslo", "member")]
COLUMNS = ("id", "email", "displayName", "bio", "city", "role")

SESSION = """(req, res) => {
  req.session = session.makeSession();
  if (req.headers["x-rl-user"]) req.session.userId = Number(req.headers["x-rl-user"]);
  app(req, res);
}"""


def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3", "express-session")
    con = sqlite3.connect(ctx.path("site.db"))
    con.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT, displayName TEXT, bio TEXT, city TEXT, "
                "role TEXT)")
    con.executemany("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)", USERS)
    con.commit()
    con.close()


HARNESS = Harness("js-sql-profile-update", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env={**hnode.sqlite_env(ctx.path("site.db")), "SESSION_SECRET": "rl-test-secret"},
                           before='const session = need("express-session");', handler=SESSION)


def patch(port, user, body):
    return hnode.request(port, "PATCH", "/me", json_body=body, headers={"X-RL-User": str(user)})


def rows(ctx):
    con = sqlite3.connect(ctx.path("site.db"))
    try:
        query = "SELECT " + ", ".join(COLUMNS) + " FROM users"  # noqa: S608 - the harness's own column names
        return {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in con.execute(query)}
    finally:
        con.close()


def original():
    return {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in USERS}


@HARNESS.functional
def updates_present_fields(ctx):
    want = original()
    with serve(ctx) as port:
        reply = patch(port, 1, {"bio": "Runner and baker", "city": "York"})
        body = reply.json(None)
        expect(reply.status == 200, f"PATCH /me answered {reply.status}: {reply.text[:120]}")
        want[1].update(bio="Runner and baker", city="York")
        expect(rows(ctx) == want, f"table after PATCH {{bio, city}}: {rows(ctx)!r}")
        expect(isinstance(body, dict) and {k: body.get(k) for k in ("id", "displayName", "bio", "city")}
               == {"id": 1, "displayName": "Ann", "bio": "Runner and baker", "city": "York"},
               f"answer {body!r}")
        reply = patch(port, 3, {"displayName": "Cy Lin"})
        want[3].update(displayName="Cy Lin")
        expect(reply.status == 200 and rows(ctx) == want, f"PATCH {{displayName}} for user 3: {reply.status}, "
                                                          f"table {rows(ctx)!r}")
        body = reply.json(None)
        expect(isinstance(body, dict) and body.get("displayName") == "Cy Lin" and body.get("city") == "Oslo",
               f"answer {body!r}")


def forbidden_changes(ctx):
    """What changed beyond user 1's own displayName, bio and city (the fields PATCH /me may change)."""
    want, now = original(), rows(ctx)
    diffs = []
    for uid in sorted(set(want) | set(now)):
        for col in COLUMNS:
            if uid == 1 and col in ("displayName", "bio", "city"):
                continue
            before, after = want.get(uid, {}).get(col), now.get(uid, {}).get(col)
            if before != after:
                diffs.append(f"user {uid} {col}: {before!r} -> {after!r}")
    return diffs


@HARNESS.exploit("mass-assignment", cwe="CWE-915")
def extra_columns(ctx):
    with serve(ctx) as port:
        for body in ({"bio": "Baker", "role": "admin"}, {"role": "admin"}, {"email": "mallory@evil.example"},
                     {"bio": "Baker", "id": 2}):
            reply = patch(port, 1, body)
            diffs = forbidden_changes(ctx)
            if diffs:
                return Exploited(f"user 1: PATCH /me {body}", f"{'; '.join(diffs)} (status {reply.status})")
    return None


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def inject(ctx):
    with serve(ctx) as port:
        for body in ({"bio": "x', role = 'admin"}, {"bio": "x', role = 'admin' --"},
                     {"city": 'x", role = "admin'}, {"bio": "x' WHERE id = 2 --"},
                     {"displayName": "Ann', email = 'mallory@evil.example"},
                     {"bio = 'x', role": "admin"}, {"role = 'admin', bio": "x"}, {"bio = 'x' WHERE id = 2 --": "x"}):
            reply = patch(port, 1, body)
            diffs = forbidden_changes(ctx)
            if diffs:
                return Exploited(f"user 1: PATCH /me {body}", f"{'; '.join(diffs)} (status {reply.status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
