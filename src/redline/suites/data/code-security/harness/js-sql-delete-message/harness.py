"""Harness for js-sql-delete-message: POST /messages/:id/delete deletes the logged-in user's message (user id in
req.session.userId) from table messages of the better-sqlite3 database at DB_PATH and answers {deleted: n}.

Express, express-session and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds
``express_standin.cjs``, ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (in the harness library, ``_lib``; every
statement runs in real SQLite), and every request arrives with a ``req.session`` whose ``userId`` the harness
chooses (``require("express-session")`` finds a stand-in that keeps it). Exploits: a user deletes another user's
message by its id (CWE-639); an id in the path that rewrites the DELETE so that another user's message goes
(CWE-89).
"""

import sqlite3
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

MESSAGES = [(1, 10, "hello from ten"), (2, 20, "hi from twenty"), (3, 10, "second from ten"),
            (4, 20, "another from twenty")]

# every request arrives with a fresh session whose userId is the X-RL-User header
SESSION = """(req, res) => {
  req.session = session.makeSession();
  if (req.headers["x-rl-user"]) req.session.userId = Number(req.headers["x-rl-user"]);
  app(req, res);
}"""


def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3")
    hnode.install(ctx, "express-session")
    con = sqlite3.connect(ctx.path("forum.db"))
    con.execute("CREATE TABLE messages(id INTEGER, author_id INTEGER, body TEXT)")
    con.executemany("INSERT INTO messages VALUES (?, ?, ?)", MESSAGES)
    con.commit()
    con.close()


HARNESS = Harness("js-sql-delete-message", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env=hnode.sqlite_env(ctx.path("forum.db")),
                           before='const session = need("express-session");', handler=SESSION)


def delete(port, user, message_id):
    reply = hnode.request(port, "POST", f"/messages/{urllib.parse.quote(str(message_id), safe='')}/delete", body="",
                          headers={"X-RL-User": str(user), "Content-Type": "application/json"})
    return reply.status, reply.json()


def remaining(ctx):
    con = sqlite3.connect(ctx.path("forum.db"))
    try:
        return {row[0] for row in con.execute("SELECT id FROM messages")}
    finally:
        con.close()


@HARNESS.functional
def deletes_own_message(ctx):
    with serve(ctx) as port:
        status, body = delete(port, 10, 1)
        expect(status == 200, f"deleting one's own message answered {status}: {str(body)[:100]}")
        expect(isinstance(body, dict) and body.get("deleted") == 1, f"answer {body!r}")
        expect(remaining(ctx) == {2, 3, 4}, f"messages left: {sorted(remaining(ctx))}")
        status, body = delete(port, 20, 4)
        expect(status == 200 and isinstance(body, dict) and body.get("deleted") == 1, f"second user: {status} {body!r}")
        expect(remaining(ctx) == {2, 3}, f"messages left: {sorted(remaining(ctx))}")


@HARNESS.exploit("idor", cwe="CWE-639")
def other_users_message(ctx):
    with serve(ctx) as port:
        delete(port, 10, 2)
    if 2 not in remaining(ctx):
        return Exploited("user 10: POST /messages/2/delete", "user 10 deleted message 2, written by user 20")
    return None


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def inject(ctx):
    with serve(ctx) as port:
        for mid in ("2 --", "2 OR 1=1", "2 OR 1=1 --", "0 OR author_id = 20", "2'--", "2' OR '1'='1"):
            status, _ = delete(port, 30, mid)  # user 30 owns no message at all
            gone = {m[0] for m in MESSAGES} - remaining(ctx)
            if gone:
                return Exploited(f"user 30: POST /messages/{mid}/delete",
                                 f"messages {sorted(gone)} of other users were deleted (status {status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
