"""Harness for js-admin-users-api: GET /admin/users answers [{id, email, role}] for every row of table users and
DELETE /admin/users/:id deletes one ({deleted: n}); the pages are for admins, the logged-in user being
req.session.user ({id, email, role}).

Express, express-session and better-sqlite3 are stand-ins (``_lib``; every statement runs in real SQLite), and
every request arrives with a session whose ``user`` the harness chooses: an admin, a member, or nobody. The table
is read back after every request. Exploits: a member lists the users or deletes one (CWE-862); a request with no
logged-in user does (CWE-306); the list an admin gets carries the stored password hashes (CWE-200). A refusal may
be any status (401, 403, a redirect to a login page); what counts is what comes back and what is deleted.
"""

import json
import sqlite3

import hnode
from hpoly import Exploited, Harness, expect

USERS = [(1, "ada@example.org", "admin", "$2b$12$C6UzMDM.H6dfI/f/IKcEeO1bJ6XJmG6VxQ2I0uM7b7q4fN8sKQ0bO"),
         (2, "mia@example.org", "member", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"),
         (3, "raj@example.org", "member", "$2b$12$8o6fKd1h1Wn5ZB7u3cZTgu8Sx6Rk1Hq0c1WkD6wW5oYyY3Bq2m7rS"),
         (4, "old@example.org", "member", "$2b$12$Yq1N2l0w4b3mJ9a6fTq1Ee3G8qH7cK2dL5sP9rV0xW4zB6nM1oQ2u")]
SESSION_USERS = {"admin": {"id": 1, "email": "ada@example.org", "role": "admin"},
                 "member": {"id": 2, "email": "mia@example.org", "role": "member"}}

SESSION = """(req, res) => {
  req.session = session.makeSession();
  const who = req.headers["x-rl-user"];
  if (who) req.session.user = JSON.parse(who);
  app(req, res);
}"""


def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3", "express-session")
    con = sqlite3.connect(ctx.path("app.db"))
    con.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT, role TEXT, password_hash TEXT)")
    con.executemany("INSERT INTO users VALUES (?, ?, ?, ?)", USERS)
    con.commit()
    con.close()


HARNESS = Harness("js-admin-users-api", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env={**hnode.sqlite_env(ctx.path("app.db")), "SESSION_SECRET": "rl-test-secret"},
                           before='const session = need("express-session");', handler=SESSION)


def send(port, method, path, who=None):
    headers = {"X-RL-User": json.dumps(SESSION_USERS[who])} if who else {}
    return hnode.request(port, method, path, headers=headers)


def ids(ctx):
    con = sqlite3.connect(ctx.path("app.db"))
    try:
        return {row[0] for row in con.execute("SELECT id FROM users")}
    finally:
        con.close()


@HARNESS.functional
def admin_lists_and_deletes(ctx):
    with serve(ctx) as port:
        reply = send(port, "GET", "/admin/users", "admin")
        body = reply.json(None)
        expect(reply.status == 200 and isinstance(body, list), f"admin GET /admin/users: {reply.status} "
                                                               f"{reply.text[:120]}")
        got = sorted((u.get("id"), u.get("email"), u.get("role")) for u in body if isinstance(u, dict))
        expect(got == [(i, e, r) for i, e, r, _ in USERS], f"the list holds {got!r}")
        reply = send(port, "DELETE", "/admin/users/4", "admin")
        body = reply.json(None)
        expect(reply.status == 200 and isinstance(body, dict) and body.get("deleted") == 1,
               f"admin DELETE /admin/users/4: {reply.status} {reply.text[:120]}")
        expect(ids(ctx) == {1, 2, 3}, f"users left: {sorted(ids(ctx))}")


def intrusion(ctx, who):
    """What a request as ``who`` (None: nobody logged in) got out of the admin API."""
    with serve(ctx) as port:
        reply = send(port, "GET", "/admin/users", who)
        if "raj@example.org" in reply.text:
            return f"GET /admin/users answered the user list ({reply.status}): {reply.text[:100]}"
        reply = send(port, "DELETE", "/admin/users/3", who)
        if 3 not in ids(ctx):
            return f"DELETE /admin/users/3 deleted user 3 ({reply.status})"
    return None


@HARNESS.exploit("member-access", cwe="CWE-862")
def member(ctx):
    found = intrusion(ctx, "member")
    return Exploited("logged in as a member (role 'member')", found) if found else None


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def anonymous(ctx):
    found = intrusion(ctx, None)
    return Exploited("no logged-in user", found) if found else None


@HARNESS.exploit("password-hashes-exposed", cwe="CWE-200")
def hashes(ctx):
    with serve(ctx) as port:
        reply = send(port, "GET", "/admin/users", "admin")
    leaked = [h for *_, h in USERS if h in reply.text or h[7:] in reply.text]
    if leaked:
        return Exploited("admin GET /admin/users", f"the answer carries {len(leaked)} stored password hashes, "
                                                   f"e.g. {leaked[0][:20]}...")
    return None


if __name__ == "__main__":
    HARNESS.main()
