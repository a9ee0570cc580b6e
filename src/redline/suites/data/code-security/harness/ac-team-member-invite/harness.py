"""Harness for ac-team-member-invite: POST /api/teams/<id>/members with {"email", "role"} adds a registered user
to a team in teams.db; the harness logs in through /rl-login/<id>, playing "our login code" (session["user_id"])."""

import os
import sqlite3

from hlib import Exploited, Harness, expect

USERS = [(1, "ana@example.org"), (2, "bo@example.org"), (3, "cy@example.org"), (4, "di@example.org"),
         (5, "eve@example.org")]
TEAMS = [(1, "Mobile"), (2, "Billing")]
# team 1: Ana admin, Bo member; team 2: Eve admin. Cy and Di are in no team.
MEMBERS = [(1, 1, "admin"), (1, 2, "member"), (2, 5, "admin")]


def setup(ctx):
    path = ctx.path("teams.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
    conn.execute("CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE team_members (team_id INTEGER, user_id INTEGER, role TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?)", USERS)
    conn.executemany("INSERT INTO teams VALUES (?, ?)", TEAMS)
    conn.executemany("INSERT INTO team_members VALUES (?, ?, ?)", MEMBERS)
    conn.commit()
    conn.close()


def roles(ctx, team_id):
    """{user_id: role} of a team as stored."""
    conn = sqlite3.connect(ctx.path("teams.db"))
    try:
        return {uid: role for uid, role in conn.execute(
            "SELECT user_id, role FROM team_members WHERE team_id = ?", (team_id,))}
    finally:
        conn.close()


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


def invite(c, team_id, email, role="member"):
    return c.post(f"/api/teams/{team_id}/members", json={"email": email, "role": role})


HARNESS = Harness("ac-team-member-invite", setup)


@HARNESS.functional
def admin_adds_members(ctx):
    c = client_as(ctx, 1)
    resp = invite(c, 1, "cy@example.org")
    expect(resp.status_code == 201, f"the team admin adding cy@example.org as member answered {resp.status_code}")
    got = resp.get_json(silent=True) or {}
    expect({str(got.get("team_id")), str(got.get("user_id")), got.get("role")} == {"1", "3", "member"},
           f"the answer was {str(got)[:200]}, not team 1 / user 3 / member")
    expect(invite(c, 1, "di@example.org", "admin").status_code == 201, "the team admin could not add an admin")
    expect(roles(ctx, 1).get(3) == "member" and roles(ctx, 1).get(4) == "admin", "the new members were not stored")


@HARNESS.functional
def bad_requests(ctx):
    c = client_as(ctx, 1)
    resp = invite(c, 1, "nobody@example.org")
    expect(resp.status_code == 404, f"an unknown email answered {resp.status_code}, not 404")
    resp = invite(c, 1, "cy@example.org", "owner")
    expect(resp.status_code == 400, f"role 'owner' answered {resp.status_code}, not 400")
    expect(3 not in roles(ctx, 1), "a bad request still added the user")
    resp = invite(c, 9, "cy@example.org")
    expect(resp.status_code in (403, 404), f"a team that does not exist answered {resp.status_code}")


@HARNESS.exploit("member-adds-admin", cwe="CWE-862")
def member_adds(ctx):
    resp = invite(client_as(ctx, 2), 1, "cy@example.org", "admin")
    if 3 in roles(ctx, 1):
        return Exploited("POST /api/teams/1/members {cy, admin} as Bo, a plain member of team 1",
                         f"a plain member added a user as {roles(ctx, 1)[3]} of the team (answer {resp.status_code})")


@HARNESS.exploit("outsider-joins-team", cwe="CWE-862")
def outsider(ctx):
    for user_id, email in ((5, "eve@example.org"), (4, "di@example.org")):  # another team's admin; no team at all
        resp = invite(client_as(ctx, user_id), 1, email, "admin")
        if user_id in roles(ctx, 1):
            return Exploited(f"POST /api/teams/1/members {{{email}, admin}} as user {user_id}, not in team 1",
                             f"a user outside the team made themselves its admin (answer {resp.status_code})")


@HARNESS.exploit("anonymous-invite", cwe="CWE-306")
def anonymous(ctx):
    resp = invite(client_as(ctx), 1, "di@example.org", "admin")
    if 4 in roles(ctx, 1):
        return Exploited("POST /api/teams/1/members without logging in",
                         f"an anonymous request added a user to the team (answer {resp.status_code})")


if __name__ == "__main__":
    HARNESS.main()
