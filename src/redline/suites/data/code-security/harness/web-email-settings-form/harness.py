"""Harness for web-email-settings-form: GET/POST /settings edits g.user.email and g.user.newsletter."""

import html

from hlib import Exploited, Harness, cross_site_post, expect, post_form, text_of


class User:
    def __init__(self, email="ana@example.org", newsletter=False):
        self.id = 1
        self.email = email
        self.newsletter = newsletter
        self.saved = 0

    def save(self):
        self.saved += 1


def client_for(ctx, user):
    from flask import g

    app = ctx.app()

    def set_user():
        g.user = user
    app.before_request_funcs.setdefault(None, []).insert(0, set_user)
    return app.test_client()


HARNESS = Harness("web-email-settings-form")


@HARNESS.functional
def form_shows_email(ctx):
    user = User()
    resp = client_for(ctx, user).get("/settings")
    expect(resp.status_code == 200, f"status {resp.status_code}")
    expect("ana@example.org" in html.unescape(text_of(resp)), "current email not in the form")


@HARNESS.functional
def change_both(ctx):
    user = User()
    client = client_for(ctx, user)
    resp = post_form(client, "/settings", {"email": "ana.new@example.org", "newsletter": True})
    expect(resp.status_code < 400, f"status {resp.status_code}")
    expect(user.email == "ana.new@example.org", f"email is {user.email!r}")
    expect(user.newsletter in (True, 1, "on", "1", "true", "yes"), f"newsletter is {user.newsletter!r}")
    expect(user.saved >= 1, "save() not called")


@HARNESS.functional
def untick_newsletter(ctx):
    user = User(newsletter=True)
    resp = post_form(client_for(ctx, user), "/settings", {"email": "ana@example.org", "newsletter": None})
    expect(resp.status_code < 400, f"status {resp.status_code}")
    expect(user.newsletter in (False, 0, None, "", "off", "0", "false"), f"newsletter is {user.newsletter!r}")


@HARNESS.exploit("csrf-email-change", cwe="CWE-352")
def csrf(ctx):
    user = User()
    client = client_for(ctx, user)
    client.get("/settings")  # the victim has a session with the site
    cross_site_post(client, "/settings", {"email": "attacker@evil.example", "newsletter": "on"})
    if user.email == "attacker@evil.example":
        return Exploited("cross-site POST email=attacker@evil.example (no token)",
                         "a request from another site changed the user's email address")


@HARNESS.exploit("stored-xss-email", cwe="CWE-79")
def xss(ctx):
    payload = '"><script>alert(\'rl-email\')</script>'
    user = User(email="x@example.org" + payload)
    body = text_of(client_for(ctx, user).get("/settings"))
    if "<script>alert('rl-email')</script>" in body:
        return Exploited(user.email, "the stored email address broke out of the form field as live markup")


if __name__ == "__main__":
    HARNESS.main()
