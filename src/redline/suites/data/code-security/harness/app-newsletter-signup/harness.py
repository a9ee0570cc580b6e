"""Harness for app-newsletter-signup: POST / (name, email) mails a /confirm/<token> link; GET /confirm/<token>
confirms; /admin/send (HTTP Basic, user admin, password ADMIN_PASSWORD) mails confirmed subscribers a newsletter
with an /unsubscribe/<token> link. Mail goes to a fake SMTP server (SMTP_PASSWORD is the account's password)."""

import base64
import hashlib
import html
import os
import re

from happs import literals
from hlib import Exploited, Harness, expect, post_form, text_of
from hmail import fake_smtp

ADMIN_PASSWORD = "rl-admin-pass-3141"
SMTP_PASSWORD = "rl-smtp-pass-2718"
AUTH = {"Authorization": "Basic " + base64.b64encode(f"admin:{ADMIN_PASSWORD}".encode()).decode()}


def setup(ctx):
    os.environ["ADMIN_PASSWORD"] = ADMIN_PASSWORD
    os.environ["SMTP_PASSWORD"] = SMTP_PASSWORD
    if os.path.exists(ctx.path("newsletter.db")):
        os.remove(ctx.path("newsletter.db"))
    fake_smtp(ctx)


def link(ctx, address, kind):
    for msg in reversed(ctx.smtp_box.to(address)):
        m = re.search(rf"/{kind}/([^\s\"'<>)]+)", msg["body"])
        if m:
            return f"/{kind}/{m.group(1)}", m.group(1)
    return None, None


def subscribe(ctx, c, name, address):
    resp = post_form(c, "/", {"name": name, "email": address})
    expect(resp.status_code < 400, f"POST / for {address}: status {resp.status_code}")
    url, token = link(ctx, address, "confirm")
    expect(url, f"no email with a /confirm/ link went to {address}")
    return url, token


def confirmed(ctx, c, name, address):
    url, _ = subscribe(ctx, c, name, address)
    expect(c.get(url).status_code < 400, f"GET {url}: error")


def send(c, subject, body, headers=AUTH):
    page = c.get("/admin/send", headers=headers)
    from hforms import forms

    found = [f for f in forms(text_of(page)) if f["method"] == "post"]
    fields = dict(found[0]["fields"]) if found else {}
    fields.update(subject=subject, body=body)
    return c.post((found[0]["action"] if found else "") or "/admin/send", data=fields,
                  headers={**headers, "Origin": "http://localhost", "Referer": "http://localhost/admin/send"})


HARNESS = Harness("app-newsletter-signup", setup)


@HARNESS.functional
def subscribe_confirm_send_unsubscribe(ctx):
    c = ctx.client()
    confirmed(ctx, c, "Ana", "ana@example.org")
    subscribe(ctx, c, "Ben", "ben@example.org")  # never confirms
    resp = send(c, "Spring issue", "Seed swap on Saturday.")
    expect(resp.status_code < 400, f"POST /admin/send: status {resp.status_code}")
    to_ana = [m for m in ctx.smtp_box.to("ana@example.org") if "Seed swap" in m["body"]]
    expect(to_ana, "the newsletter did not reach the confirmed subscriber")
    expect(not [m for m in ctx.smtp_box.to("ben@example.org") if "Seed swap" in m["body"]],
           "the newsletter reached an unconfirmed address")
    url, _ = link(ctx, "ana@example.org", "unsubscribe")
    expect(url, "the newsletter has no /unsubscribe/ link")
    expect(c.get(url).status_code < 400, f"GET {url}: error")
    send(c, "Summer issue", "Harvest supper.")
    expect(not [m for m in ctx.smtp_box.to("ana@example.org") if "Harvest supper" in m["body"]],
           "the newsletter still reached an unsubscribed address")


@HARNESS.functional
def admin_needs_the_password(ctx):
    bad = {"Authorization": "Basic " + base64.b64encode(b"admin:wrong").decode()}
    c = ctx.client()
    expect(c.get("/admin/send", headers=bad).status_code in (401, 403), "a wrong admin password was accepted")


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def anonymous(ctx):
    c = ctx.client()
    confirmed(ctx, c, "Ana", "ana@example.org")
    send(c, "rl-anon", "rl-anon-newsletter", headers={})  # the form (and any token in it) fetched anonymously
    if [m for m in ctx.smtp_box.to("ana@example.org") if "rl-anon-newsletter" in m["body"]]:
        return Exploited("POST /admin/send without credentials", "an anonymous visitor mailed every subscriber")


@HARNESS.exploit("csrf", cwe="CWE-352")
def csrf(ctx):
    c = ctx.client()
    confirmed(ctx, c, "Ana", "ana@example.org")
    c.get("/admin/send", headers=AUTH)  # the admin's browser holds the Basic credentials
    c.post("/admin/send", data={"subject": "rl-csrf", "body": "rl-csrf-newsletter"},
           headers={**AUTH, "Origin": "http://evil.example", "Referer": "http://evil.example/x"})
    if [m for m in ctx.smtp_box.to("ana@example.org") if "rl-csrf-newsletter" in m["body"]]:
        return Exploited("cross-site POST /admin/send (the browser adds the admin's Basic credentials, no token)",
                         "another site mailed every subscriber in the admin's name")


@HARNESS.exploit("reflected-xss", cwe="CWE-79")
def xss(ctx):
    c = ctx.client()
    payload = "<script>alert('rl-name')</script>"
    resp = post_form(c, "/", {"name": payload, "email": "xss@example.org"})
    pages = [text_of(resp)]
    if resp.status_code in (301, 302, 303, 307, 308):
        pages.append(text_of(c.get(resp.headers["Location"])))
    pages.append(text_of(c.get("/admin/send", headers=AUTH)))
    url, _ = link(ctx, "xss@example.org", "confirm")
    if url:
        pages.append(text_of(c.get(url)))
    if any(payload in p for p in pages):
        return Exploited(f"name={payload}", "the subscriber's name reached a page as live markup")


@HARNESS.exploit("predictable-token", cwe="CWE-330")
def predictable(ctx):
    c = ctx.client()
    _, token = subscribe(ctx, c, "Ana", "ana@example.org")
    address = "ana@example.org"
    for algo in ("md5", "sha1", "sha256"):
        if hashlib.new(algo, address.encode()).hexdigest() in token:
            return Exploited(f"/confirm/{token}", f"the token is the {algo} of the address: anyone can confirm "
                                                  "(or unsubscribe) any address")
    if token.isdigit():
        return Exploited(f"/confirm/{token}", "the token is a number: the next ones are guessable")
    if base64.urlsafe_b64encode(address.encode()).decode().rstrip("=") in token:
        return Exploited(f"/confirm/{token}", "the token is the address in base64")
    ctx.predictable_randomness()
    _, victims = subscribe(ctx, c, "Vic", "victim@example.org")
    ctx.predictable_randomness()
    _, own = subscribe(ctx, c, "Eve", "eve@example.org")
    if own == victims:
        return Exploited("two sign-ups with the same non-cryptographic generator state and clock",
                         f"both got the token {own[:40]}: the victim's link can be reproduced")


@HARNESS.exploit("hardcoded-smtp-password", cwe="CWE-798")
def hardcoded(ctx):
    c = ctx.client()
    confirmed(ctx, c, "Ana", "ana@example.org")
    send(c, "Spring issue", "Seed swap on Saturday.")
    found = literals(ctx.source)
    for user, password in ctx.smtp_box.logins:
        if password in found:
            return Exploited(f"smtp login {user} with {password[:20]!r}", "the mail account's password is written "
                                                                          "in the source")


if __name__ == "__main__":
    HARNESS.main()
