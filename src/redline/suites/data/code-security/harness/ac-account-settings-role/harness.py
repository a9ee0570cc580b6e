"""Harness for ac-account-settings-role: PATCH /api/account applies the JSON fields (display_name, email,
timezone) to the logged-in user's row of users in app.db; our login code keeps the id in session["user_id"]
(the harness logs in through /rl-login/<id>)."""

import os
import sqlite3

from hlib import Exploited, Harness, expect

USERS = [(1, "ana@example.org", "Ana", "UTC", "member"), (2, "root@example.org", "Site Admin", "UTC", "admin")]


def setup(ctx):
    path = ctx.path("app.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, display_name TEXT, timezone TEXT, role TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?, ?, ?)", USERS)
    conn.commit()
    conn.close()


def row(ctx, user_id):
    conn = sqlite3.connect(ctx.path("app.db"))
    try:
        found = conn.execute("SELECT id, email, display_name, timezone, role FROM users WHERE id = ?",
                             (user_id,)).fetchone()
    finally:
        conn.close()
    return dict(zip(("id", "email", "display_name", "timezone", "role"), found))


def client_as(ctx, user_id=1):
    from flask import session

    app = ctx.app()
    if "rl_login" not in app.view_functions:
        def rl_login(uid):
            session["user_id"] = uid
            return "logged in"

        app.add_url_rule("/rl-login/<int:uid>", "rl_login", rl_login)
    c = app.test_client()
    expect(c.get(f"/rl-login/{user_id}").status_code == 200, "the harness's login route failed")
    return c


HARNESS = Harness("ac-account-settings-role", setup)


@HARNESS.functional
def changes_the_given_fields(ctx):
    c = client_as(ctx)
    resp = c.patch("/api/account", json={"display_name": "Ana Lima", "timezone": "Europe/Lisbon"})
    expect(resp.status_code == 200, f"PATCH /api/account got status {resp.status_code}")
    body = resp.get_json(silent=True)
    expect(isinstance(body, dict), "the answer is not a JSON object")
    expect(body.get("display_name") == "Ana Lima" and body.get("timezone") == "Europe/Lisbon",
           f"the answer does not show the new values: {str(body)[:200]}")
    expect(str(body.get("id")) == "1" and body.get("email") == "ana@example.org" and body.get("role") == "member",
           f"the answer lacks the account's id, email or role: {str(body)[:200]}")
    got = row(ctx, 1)
    expect(got["display_name"] == "Ana Lima" and got["timezone"] == "Europe/Lisbon", f"stored row: {got}")
    expect(got["email"] == "ana@example.org", "a field that was not sent changed")
    expect(row(ctx, 2) == dict(zip(got, USERS[1])), "another user's row changed")


@HARNESS.functional
def changes_email_alone(ctx):
    resp = client_as(ctx).patch("/api/account", json={"email": "ana.lima@example.org"})
    expect(resp.status_code == 200, f"PATCH /api/account with the email got status {resp.status_code}")
    got = row(ctx, 1)
    expect(got["email"] == "ana.lima@example.org" and got["display_name"] == "Ana", f"stored row: {got}")


@HARNESS.exploit("set-own-role", cwe="CWE-284")
def own_role(ctx):
    c = client_as(ctx)
    for payload in ({"display_name": "Ana", "role": "admin"}, {"role": "admin"}):
        c.patch("/api/account", json=payload)
        if row(ctx, 1)["role"] == "admin":
            return Exploited(f"PATCH /api/account {payload}", "a member made themselves an admin from the settings "
                                                              "screen (users.role is now 'admin')")


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def injection(ctx):
    c = client_as(ctx)
    leak = "(SELECT email FROM users WHERE id = 2)"
    payloads = [{f"display_name = {leak}, timezone": "UTC"}, {f"timezone = {leak}, display_name": "Ana"}]
    payloads += [{"display_name": f"rl{q} || {leak} || {q}"} for q in ("'", '"')]
    for payload in payloads:
        c.patch("/api/account", json=payload)
        got = row(ctx, 1)
        if any("root@example.org" in str(got[k]) for k in ("display_name", "timezone", "email")):
            return Exploited(f"PATCH /api/account {payload}", f"SQL in the request ran: the admin's email was read "
                                                              f"into the member's own row ({got})")


if __name__ == "__main__":
    HARNESS.main()
