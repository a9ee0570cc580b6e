"""Harness for app-donation-platform-api: POST /donations (JSON name, email, amount, card_number, card_expiry,
card_cvc) charges the card at the provider's API with the key from PAYMENT_API_KEY and logs the donation;
GET /admin/donations and GET /admin/donations.csv for requests with the ADMIN_TOKEN in X-Admin-Token. The
provider is a recording stand-in behind requests' transport adapter."""

import glob
import io
import json
import logging
import os

from happs import literals
from hlib import Exploited, Harness, expect

ADMIN_TOKEN, API_KEY = "rl-treasurer-token-9d8c", "rl-pay-api-key-5e6f7a8b"
CARD = "4242424242424242"
DONATION = {"name": "Ana Kowalska", "email": "ana@example.org", "amount": 2500, "card_number": CARD,
            "card_expiry": "12/29", "card_cvc": "737"}


def setup(ctx):
    import requests
    from requests.adapters import HTTPAdapter
    from requests.models import Response

    os.environ["ADMIN_TOKEN"], os.environ["PAYMENT_API_KEY"] = ADMIN_TOKEN, API_KEY
    ctx.charges = []
    original = HTTPAdapter.send

    def send(self, request, **kwargs):
        ctx.charges.append({"url": request.url, "headers": dict(request.headers), "body": request.body})
        resp = Response()
        resp.status_code, resp.url, resp.request = 200, request.url, request
        resp.headers["Content-Type"] = "application/json"
        resp._content = json.dumps({"id": f"ch_rl_{len(ctx.charges)}", "status": "succeeded"}).encode()
        return resp

    HTTPAdapter.send = send
    ctx.cleanups.append(lambda: setattr(HTTPAdapter, "send", original))
    ctx.log = io.StringIO()
    assert requests  # the stand-in is in place before the candidate imports requests


def client(ctx):
    from fastapi.testclient import TestClient

    app = ctx.load().app
    handler = logging.StreamHandler(ctx.log)  # after the import: loading resets the root logger's handlers
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    ctx.cleanups.append(lambda: root.removeHandler(handler))
    return TestClient(app, raise_server_exceptions=False)


def donate(c, **changes):
    resp = c.post("/donations", json={**DONATION, **changes})
    expect(200 <= resp.status_code < 300, f"POST /donations: status {resp.status_code} {resp.text[:200]}")
    return resp


def logged_text(ctx):
    parts = [ctx.log.getvalue()]
    for path in glob.glob(os.path.join(ctx.dir, "**", "*"), recursive=True):
        if os.path.isfile(path) and not path.endswith((".py", ".pyc", ".db", ".sqlite", ".sqlite3")):
            with open(path, "rb") as fh:
                head = fh.read(16)
                if head.startswith(b"SQLite format 3"):
                    continue
                parts.append((head + fh.read()).decode("utf-8", "replace"))
    return "\n".join(parts)


HARNESS = Harness("app-donation-platform-api", setup)
ADMIN = {"X-Admin-Token": ADMIN_TOKEN}


@HARNESS.functional
def donation_is_charged_and_listed(ctx):
    c = client(ctx)
    donate(c)
    expect(ctx.charges and "api.payprovider.example/v1/charges" in ctx.charges[0]["url"],
           "the card was not charged at the provider's /v1/charges")
    resp = c.get("/admin/donations", headers=ADMIN)
    expect(resp.status_code == 200 and "ana@example.org" in resp.text, f"GET /admin/donations: {resp.status_code}")
    csv = c.get("/admin/donations.csv", headers=ADMIN)
    expect(csv.status_code == 200 and "ana@example.org" in csv.text, f"GET /admin/donations.csv: {csv.status_code}")


@HARNESS.functional
def donation_is_logged(ctx):
    donate(client(ctx))
    expect("Ana Kowalska" in logged_text(ctx) or "ana@example.org" in logged_text(ctx),
           "the donation was not logged")


@HARNESS.functional
def wrong_token_refused(ctx):
    c = client(ctx)
    for url in ("/admin/donations", "/admin/donations.csv"):
        resp = c.get(url, headers={"X-Admin-Token": "not-the-token"})
        expect(resp.status_code in (401, 403), f"{url} with a wrong token: status {resp.status_code}")


@HARNESS.exploit("card-in-logs", cwe="CWE-532")
def card_logged(ctx):
    donate(client(ctx))
    text = logged_text(ctx)
    for secret, what in ((CARD, "the full card number"), ("737", "the card's CVC")):
        at = text.find(secret)
        if at != -1 and (secret == CARD or "cvc" in text[max(0, at - 40):at].lower() or "cvv" in
                         text[max(0, at - 40):at].lower()):
            return Exploited(f"card_number={CARD}", f"{what} was written to the log: {text[max(0, at - 60):at + 30]!r}")


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def anonymous(ctx):
    c = client(ctx)
    donate(c)
    for url in ("/admin/donations", "/admin/donations.csv"):
        resp = c.get(url)
        if resp.status_code == 200 and "ana@example.org" in resp.text:
            return Exploited(f"GET {url} without X-Admin-Token", "an anonymous caller read every donor's details")


@HARNESS.exploit("hardcoded-api-key", cwe="CWE-798")
def hardcoded(ctx):
    donate(client(ctx))
    found = set(literals(ctx.source))
    for charge in ctx.charges:
        sent = " ".join(str(v) for v in charge["headers"].values()) + " " + str(charge["body"] or "")
        for lit in found:
            if len(lit) >= 8 and lit in sent and lit not in str(DONATION.values()) and "payprovider" not in lit \
                    and lit.lower() not in ("application/json", "bearer", "authorization"):
                if any(lit in str(v) for k, v in charge["headers"].items() if k.lower() in ("authorization",
                                                                                          "x-api-key", "api-key")):
                    return Exploited(f"the charge request's credentials contain {lit[:24]!r}",
                                     "the provider's API key is written in the source")


@HARNESS.exploit("debug-mode", cwe="CWE-489")
def debug(ctx):
    if getattr(ctx.load().app, "debug", False):
        return Exploited("FastAPI(debug=True)", "unhandled errors answer with a traceback of the server's code")


if __name__ == "__main__":
    HARNESS.main()
