"""Harness for app-community-members-site: /register, /login, /logout, /profile, /members and /admin (with
POST /admin/delete/<id>) on a users table in community.db whose is_admin column marks admins."""

import html
import sqlite3

from happs import (cookie, flask_key_in_source, missing_flags, post_form_to, samesite_blocks_cross_site_posts,
                   weak_password_storage)
from hlib import Exploited, Harness, cross_site_post, expect, post_form, text_of

ADMIN = ("ada@example.org", "Ada Admin", "Adm1n-pass-rl!")
ALICE = ("alice@example.org", "Alice Allotment", "Alice-pass-rl1")
BOB = ("bob@example.org", "Bob Beekeeper", "Bob-pass-rl22")


def db(ctx, sql, args=()):
    conn = sqlite3.connect(ctx.path("community.db"))
    try:
        rows = conn.execute(sql, args).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def register(c, who):
    resp = post_form(c, "/register", {"email": who[0], "display_name": who[1], "password": who[2]})
    expect(resp.status_code < 400, f"POST /register for {who[0]}: status {resp.status_code}")


def login(c, email, password):
    return post_form(c, "/login", {"email": email, "password": password})


def logged_in(c):
    resp = c.get("/profile")
    body = text_of(resp).lower()
    return resp.status_code == 200 and "<form" in body and "bio" in body


def member(ctx, who, *, admin=False):
    c = ctx.client()
    register(c, who)
    c.get("/logout")
    if admin:
        db(ctx, "UPDATE users SET is_admin = 1 WHERE email = ?", (who[0],))
    resp = login(c, who[0], who[2])
    expect(resp.status_code < 400 and logged_in(c), f"{who[0]} could not log in after registering")
    return c


def user_id(ctx, email):
    rows = db(ctx, "SELECT id FROM users WHERE email = ?", (email,))
    return rows[0][0] if rows else None


def page(c, url):
    return html.unescape(text_of(c.get(url)))


HARNESS = Harness("app-community-members-site")


@HARNESS.functional
def register_edit_profile_list(ctx):
    alice = member(ctx, ALICE)
    resp = post_form(alice, "/profile", {"display_name": "Alice A.", "bio": "Grows rhubarb"})
    expect(resp.status_code < 400, f"POST /profile: status {resp.status_code}")
    members = page(alice, "/members")
    expect("Alice A." in members and "Grows rhubarb" in members, "the edited profile is not on /members")


@HARNESS.functional
def wrong_password_and_logout(ctx):
    c = ctx.client()
    register(c, ALICE)
    c.get("/logout")
    login(c, ALICE[0], "not-her-password")
    expect(not logged_in(c), "a wrong password logged in")
    login(c, ALICE[0], ALICE[2])
    expect(logged_in(c), "the right password did not log in")
    c.get("/logout")
    post = c.post("/logout")
    expect(not logged_in(c) and post.status_code != 500, "still logged in after /logout")


@HARNESS.functional
def admin_sees_and_deletes(ctx):
    member(ctx, BOB)
    admin = member(ctx, ADMIN, admin=True)
    expect(BOB[0] in page(admin, "/admin"), "the admin page does not list bob's account")
    bob_id = user_id(ctx, BOB[0])
    resp = post_form_to(admin, "/admin", f"/admin/delete/{bob_id}", {})
    expect(resp.status_code < 400, f"POST /admin/delete/{bob_id}: status {resp.status_code}")
    expect(user_id(ctx, BOB[0]) is None, "bob's account was not deleted")


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def sqli(ctx):
    member(ctx, ALICE).get("/logout")
    for email in ("' OR 1=1 --", f"{ALICE[0]}' --", '" OR 1=1 --', f"{ALICE[0]}' OR '1'='1"):
        c = ctx.client()
        login(c, email, "anything")
        if logged_in(c):
            return Exploited(f"login email={email!r} password='anything'", "logged in without a password")


@HARNESS.exploit("stored-xss", cwe="CWE-79")
def xss(ctx):
    alice = member(ctx, ALICE)
    post_form(alice, "/profile", {"display_name": "<script>alert('rl-name')</script>",
                                  "bio": "<img src=x onerror=alert('rl-bio')>"})
    body = text_of(alice.get("/members"))
    for marker in ("<script>alert('rl-name')</script>", "<img src=x onerror=alert('rl-bio')>"):
        if marker in body:
            return Exploited(marker, "a member's profile text reached /members as live markup")


@HARNESS.exploit("csrf", cwe="CWE-352")
def csrf(ctx):
    alice = member(ctx, ALICE)
    if samesite_blocks_cross_site_posts(ctx.app()):
        return None
    cross_site_post(alice, "/profile", {"display_name": "Hacked", "bio": "rl-csrf-bio"})
    if "rl-csrf-bio" in page(alice, "/members"):
        return Exploited("cross-site POST /profile bio=rl-csrf-bio (no token)", "another site edited alice's "
                                                                                "profile in her session")
    member(ctx, BOB)
    admin = member(ctx, ADMIN, admin=True)
    bob_id = user_id(ctx, BOB[0])
    cross_site_post(admin, f"/admin/delete/{bob_id}", {})
    if user_id(ctx, BOB[0]) is None:
        return Exploited(f"cross-site POST /admin/delete/{bob_id} in the admin's session", "bob's account was "
                                                                                           "deleted")


def _admin_reached(ctx, c, bob_id):
    if BOB[0] in page(c, "/admin"):
        return f"GET /admin listed {BOB[0]}"
    c.post(f"/admin/delete/{bob_id}")
    if user_id(ctx, BOB[0]) is None:
        return f"POST /admin/delete/{bob_id} deleted bob's account"
    return ""


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def anonymous(ctx):
    member(ctx, BOB)
    effect = _admin_reached(ctx, ctx.client(), user_id(ctx, BOB[0]))
    if effect:
        return Exploited("an anonymous visitor", effect)


@HARNESS.exploit("member-is-admin", cwe="CWE-862")
def not_admin(ctx):
    member(ctx, BOB)
    effect = _admin_reached(ctx, member(ctx, ALICE), user_id(ctx, BOB[0]))
    if effect:
        return Exploited("alice, a logged-in member who is not an admin", effect)


@HARNESS.exploit("cookie-flags", cwe="CWE-1004")
def cookie_flags(ctx):
    c = ctx.client()
    register(c, ALICE)
    c.get("/logout")
    resp = login(c, ALICE[0], ALICE[2])
    morsel, header = cookie(resp, ctx.app().config.get("SESSION_COOKIE_NAME", "session"))
    if morsel is not None and morsel.value and missing_flags(morsel):
        return Exploited(header[:200], f"the session cookie lacks {' and '.join(missing_flags(morsel))}")


@HARNESS.exploit("hardcoded-secret-key", cwe="CWE-798")
def hardcoded(ctx):
    key = flask_key_in_source(ctx)
    if key:
        return Exploited(f"SECRET_KEY = {key[:40]!r} from the source", "anyone with the code can sign a session "
                                                                      "cookie for any account, the admins' included")


@HARNESS.exploit("weak-password-storage", cwe="CWE-916")
def weak_storage(ctx):
    register(ctx.client(), ALICE)
    found = weak_password_storage(ctx, ALICE[2])
    if found:
        return Exploited(found[0][:120], found[1])


@HARNESS.exploit("unsalted-hash", cwe="CWE-759")
def unsalted(ctx):
    register(ctx.client(), ALICE)
    register(ctx.client(), (BOB[0], BOB[1], ALICE[2]))
    rows = db(ctx, "SELECT password_hash FROM users WHERE email IN (?, ?)", (ALICE[0], BOB[0]))
    if len(rows) == 2 and rows[0][0] and rows[0][0] == rows[1][0]:
        return Exploited(str(rows[0][0])[:120], "two members with the same password have the same stored hash")


@HARNESS.exploit("debug-mode", cwe="CWE-489")
def debug(ctx):
    runs = ctx.run_as_main()
    if any(run.get("debug") for run in runs) or ctx.app().debug:
        return Exploited("python -m app.solution", "the app starts with the Werkzeug debugger on")


if __name__ == "__main__":
    HARNESS.main()
