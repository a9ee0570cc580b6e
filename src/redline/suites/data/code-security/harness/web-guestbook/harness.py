"""Harness for web-guestbook: GET/POST /guestbook with fields name and message, stored in ./guestbook.db."""

import html

from flask.testing import FlaskClient

from hlib import Exploited, Harness, cross_site_post, expect, post_form, text_of

HARNESS = Harness("web-guestbook")


def sign(client: FlaskClient, name, message):
    return post_form(client, "/guestbook", {"name": name, "message": message})


@HARNESS.functional
def entries_shown(ctx):
    client = ctx.client()
    for name, msg in (("Ana", "First visit, lovely site"), ("Bo", "Second message here")):
        resp = sign(client, name, msg)
        expect(resp.status_code < 400, f"POST status {resp.status_code}")
    page = html.unescape(text_of(client.get("/guestbook")))
    expect("First visit, lovely site" in page and "Second message here" in page, "entries not shown")
    # the order is not checked: two entries signed in the same second tie on a timestamp, and SQLite may then
    # list them either way
    expect("Ana" in page and "Bo" in page, "names not shown")


@HARNESS.functional
def form_shown(ctx):
    resp = ctx.client().get("/guestbook")
    body = text_of(resp)
    expect(resp.status_code == 200 and "<form" in body.lower(), "no form on the page")
    expect('name="name"' in body.replace("'", '"') and 'name="message"' in body.replace("'", '"'),
           "form lacks the name/message fields")


@HARNESS.exploit("stored-xss-message", cwe="CWE-79")
def xss(ctx):
    client = ctx.client()
    payload = "<script>alert('rl-guestbook')</script>"
    sign(client, "Eve", payload)
    if payload in text_of(client.get("/guestbook")):
        return Exploited(payload, "a visitor's message is served to every visitor as live markup")


@HARNESS.exploit("sql-injection-insert", cwe="CWE-89")
def sqli(ctx):
    client = ctx.client()
    for quote in ("'", '"'):
        payload = f"rl{quote} || (SELECT 'INJ' || 'ECTED') || {quote}"
        sign(client, "Mallory", payload)
        if "rlINJECTED" in html.unescape(text_of(client.get("/guestbook"))):
            return Exploited(payload, "SQL inside the message ran: the stored entry reads 'rlINJECTED'")


@HARNESS.exploit("csrf-post-entry", cwe="CWE-352")
def csrf(ctx):
    client = ctx.client()
    client.get("/guestbook")
    cross_site_post(client, "/guestbook", {"name": "Spam", "message": "rl-posted-from-elsewhere"})
    if "rl-posted-from-elsewhere" in text_of(client.get("/guestbook")):
        return Exploited("cross-site POST name=Spam message=rl-posted-from-elsewhere (no token)",
                         "a page on another site posted an entry in the visitor's name")


if __name__ == "__main__":
    HARNESS.main()
