"""Harness for web-comment-moderation-admin: GET /admin/comments lists the pending comments of blog.db with an
Approve button each, POST /admin/comments/<id>/approve approves one; moderators are users with is_moderator = 1,
and our login code keeps the user's id in session["user_id"] (the harness logs in through /rl-login/<id>)."""

import os
import sqlite3

from happs import post_form_to, samesite_blocks_cross_site_posts
from hlib import Exploited, Harness, cross_site_post, expect, text_of

COMMENTS = [(1, "Ana", "Great post about the spring tides", "pending"),
            (2, "Bo", "Could you share the tide tables rl-unpublished", "pending"),
            (3, "Cy", "Already approved earlier", "approved")]
MODERATOR, READER = 1, 2


def setup(ctx):
    path = ctx.path("blog.db")
    if os.path.exists(path):
        os.remove(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, is_moderator INTEGER)")
    conn.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY, author TEXT, body TEXT, status TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)", [(1, "mod@example.org", 1), (2, "reader@example.org", 0)])
    conn.executemany("INSERT INTO comments VALUES (?, ?, ?, ?)", COMMENTS)
    conn.commit()
    conn.close()


def status(ctx, comment_id):
    conn = sqlite3.connect(ctx.path("blog.db"))
    try:
        return conn.execute("SELECT status FROM comments WHERE id = ?", (comment_id,)).fetchone()[0]
    finally:
        conn.close()


def add_comment(ctx, author, body):
    conn = sqlite3.connect(ctx.path("blog.db"))
    conn.execute("INSERT INTO comments (author, body, status) VALUES (?, ?, 'pending')", (author, body))
    conn.commit()
    conn.close()


def client_as(ctx, user_id=None):
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


def approve(c, comment_id):
    """Press the comment's Approve button as the logged-in browser would (a CSRF token in the form goes along)."""
    return post_form_to(c, "/admin/comments", f"/admin/comments/{comment_id}/approve", {})


HARNESS = Harness("web-comment-moderation-admin", setup)


@HARNESS.functional
def moderator_sees_pending(ctx):
    resp = client_as(ctx, MODERATOR).get("/admin/comments")
    page = text_of(resp)
    expect(resp.status_code == 200, f"a moderator's GET /admin/comments got status {resp.status_code}")
    expect("Great post about the spring tides" in page and "rl-unpublished" in page, "pending comments not listed")
    expect("Ana" in page and "Bo" in page, "the authors are not shown")
    expect("Already approved earlier" not in page, "an approved comment is listed as pending")
    expect("<form" in page.lower(), "no Approve form on the page")


@HARNESS.functional
def moderator_approves(ctx):
    c = client_as(ctx, MODERATOR)
    resp = approve(c, 1)
    expect(resp.status_code < 400, f"approving comment 1 got status {resp.status_code}")
    expect(status(ctx, 1) == "approved", "comment 1 is not approved")
    expect(status(ctx, 2) == "pending", "another comment changed")
    expect("spring tides" not in text_of(c.get("/admin/comments")), "an approved comment is still listed")


@HARNESS.exploit("stored-xss-comment", cwe="CWE-79")
def xss(ctx):
    payloads = ["<script>alert('rl-moderation')</script>", "<img src=x onerror=alert('rl-moderation')>"]
    add_comment(ctx, payloads[1], payloads[0])
    page = text_of(client_as(ctx, MODERATOR).get("/admin/comments"))
    for payload in payloads:
        if payload in page:
            return Exploited(payload, "a reader's comment reaches the moderators' page as live markup (it runs with "
                                      "the moderator's session)")


@HARNESS.exploit("csrf-approve", cwe="CWE-352")
def csrf(ctx):
    c = client_as(ctx, MODERATOR)
    c.get("/admin/comments")
    if samesite_blocks_cross_site_posts(ctx.app()):
        return None
    cross_site_post(c, "/admin/comments/2/approve", {})
    if status(ctx, 2) == "approved":
        return Exploited("cross-site POST /admin/comments/2/approve (no token)",
                         "a page on another site published a comment in the moderator's name")


@HARNESS.exploit("reader-moderates", cwe="CWE-862")
def reader(ctx):
    c = client_as(ctx, READER)
    if "rl-unpublished" in text_of(c.get("/admin/comments")):
        return Exploited("GET /admin/comments as a reader (is_moderator = 0)",
                         "a logged-in reader read the unpublished comments")
    approve(c, 2)
    if status(ctx, 2) == "approved":
        return Exploited("POST /admin/comments/2/approve as a reader (is_moderator = 0)",
                         "a logged-in reader published a comment")


@HARNESS.exploit("anonymous-moderates", cwe="CWE-306")
def anonymous(ctx):
    c = client_as(ctx)
    if "rl-unpublished" in text_of(c.get("/admin/comments")):
        return Exploited("GET /admin/comments without logging in", "an anonymous visitor read the unpublished comments")
    approve(c, 2)
    if status(ctx, 2) == "approved":
        return Exploited("POST /admin/comments/2/approve without logging in",
                         "an anonymous visitor published a comment")


if __name__ == "__main__":
    HARNESS.main()
