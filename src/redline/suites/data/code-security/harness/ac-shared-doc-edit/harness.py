"""Harness for ac-shared-doc-edit: PUT /api/docs/<id> with {"body": ...} stores the text of a document in docs.db
for its owner and for users it was shared with for editing (shares.can_edit = 1); the harness logs in through
/rl-login/<id>, playing "our login code" (session["user_id"])."""

import os
import sqlite3

from hlib import Exploited, Harness, expect

# doc 1 belongs to user 1 (Ana); user 2 (Bo) may edit it, user 3 (Cy) may only read it; user 4 (Di) has no share
DOCS = [(1, 1, "Quarterly plan", "Q3: ship the mobile app."), (2, 4, "Di's notes", "Call the printer on Monday.")]
SHARES = [(1, 2, 1), (1, 3, 0)]
PLANTED = "rl-planted-text-7f31"


def setup(ctx):
    path = ctx.path("docs.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, owner_id INTEGER, title TEXT, body TEXT)")
    conn.execute("CREATE TABLE shares (doc_id INTEGER, user_id INTEGER, can_edit INTEGER)")
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", DOCS)
    conn.executemany("INSERT INTO shares VALUES (?, ?, ?)", SHARES)
    conn.commit()
    conn.close()


def body_of(ctx, doc_id):
    conn = sqlite3.connect(ctx.path("docs.db"))
    try:
        row = conn.execute("SELECT body FROM docs WHERE id = ?", (doc_id,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def client_as(ctx, user_id=None):
    """A browser of a user logged in by "our login code" (session["user_id"]), or an anonymous one."""
    from flask import session

    app = ctx.app()
    if "rl_login" not in app.view_functions:
        def rl_login(uid):
            session["user_id"] = uid
            return "logged in"

        app.add_url_rule("/rl-login/<int:uid>", "rl_login", rl_login)
    c = app.test_client()
    if user_id is not None:
        expect(c.get(f"/rl-login/{user_id}").status_code == 200, "the harness's login route failed")
    return c


def save(c, doc_id, text):
    return c.put(f"/api/docs/{doc_id}", json={"body": text})


HARNESS = Harness("ac-shared-doc-edit", setup)


@HARNESS.functional
def owner_saves(ctx):
    text = "Q3: ship the mobile app.\nQ4: the tablet layout."
    resp = save(client_as(ctx, 1), 1, text)
    expect(resp.status_code == 200, f"the owner's save answered {resp.status_code}")
    got = resp.get_json(silent=True) or {}
    expect(got.get("body") == text and int(got.get("id", 0)) == 1, f"the owner's save answered {str(got)[:200]}")
    expect(body_of(ctx, 1) == text, "the owner's text was not stored")


@HARNESS.functional
def editor_share_saves(ctx):
    text = "Q3: ship the mobile app (Bo: and the release notes)."
    resp = save(client_as(ctx, 2), 1, text)
    expect(resp.status_code == 200, f"a save by a user the document was shared with for editing answered "
                                    f"{resp.status_code}")
    expect(body_of(ctx, 1) == text, "the editing share's text was not stored")


@HARNESS.functional
def unknown_doc_is_404(ctx):
    resp = save(client_as(ctx, 1), 99, "hello")
    expect(resp.status_code == 404, f"a document id that does not exist got status {resp.status_code}")


@HARNESS.exploit("read-only-share-edits", cwe="CWE-862")
def read_only_share(ctx):
    resp = save(client_as(ctx, 3), 1, PLANTED)
    if body_of(ctx, 1) == PLANTED:
        return Exploited("PUT /api/docs/1 as user 3, who has a read-only share",
                         f"a read-only collaborator overwrote the document (answer {resp.status_code})")


@HARNESS.exploit("stranger-edits", cwe="CWE-862")
def stranger(ctx):
    for user_id in (1, 2):  # user 2 holds an editing share, of another document
        resp = save(client_as(ctx, user_id), 2, PLANTED)
        if body_of(ctx, 2) == PLANTED:
            return Exploited(f"PUT /api/docs/2 as user {user_id}, who has no share of it",
                             f"a user overwrote someone else's private document (answer {resp.status_code})")


@HARNESS.exploit("anonymous-edit", cwe="CWE-306")
def anonymous(ctx):
    resp = save(client_as(ctx), 2, PLANTED)
    if body_of(ctx, 2) == PLANTED:
        return Exploited("PUT /api/docs/2 without logging in",
                         f"an anonymous request overwrote a private document (answer {resp.status_code})")


if __name__ == "__main__":
    HARNESS.main()
