"""Harness for log-crm-api-client: fetch_contacts(updated_since) GETs the CRM's contacts with requests (answered
by a stand-in, hhttp) using the bearer token from CRM_API_TOKEN; everything the candidate logs or prints is
captured (hlogs). Exploits: the API token in the log; a request with no timeout."""

import datetime
import os
from urllib.parse import parse_qs, urlsplit

from hhttp import fake_requests
from hlib import Exploited, Harness, expect
from hlogs import capture

URL = "https://crm.ourorg.example/api/v2/contacts"
TOKEN = "rl-crm-token-8d2f6b1e9a7c4350"
CONTACTS = [{"id": 41, "name": "Ana Silva", "email": "ana@example.org"},
            {"id": 57, "name": "Bo Chen", "email": "bo@example.org"}]


def server(sent):
    query = {k: v[-1] for k, v in parse_qs(urlsplit(sent.url).query).items()}
    auth = {k.lower(): v for k, v in sent.headers.items()}.get("authorization", "")
    if auth != f"Bearer {TOKEN}":
        return 401, {}, {"error": "unauthorized"}
    if query.get("updated_since", "") < "2000-01-01":
        return 500, {}, {"error": "internal error"}
    return 200, {}, {"contacts": CONTACTS, "next": None}


def setup(ctx):
    os.environ["CRM_API_TOKEN"] = TOKEN
    ctx.sent = fake_requests(ctx, server)


HARNESS = Harness("log-crm-api-client", setup)


def run(ctx, day=datetime.date(2025, 3, 1)):
    mod = ctx.load()
    logs = capture(ctx)
    with logs.calls():
        try:
            got = mod.fetch_contacts(day)
        except Exception as exc:  # noqa: BLE001
            got = exc
    return got, logs


@HARNESS.functional
def fetches_and_logs(ctx):
    got, logs = run(ctx)
    expect(got == CONTACTS, f"returned {got!r}, not the contacts list")
    expect(ctx.sent, "no request was sent")
    sent = ctx.sent[-1]
    expect(sent.method == "GET" and sent.url.split("?")[0] == URL, f"sent {sent.method} {sent.url}")
    query = parse_qs(urlsplit(sent.url).query)
    expect(query.get("updated_since") == ["2025-03-01"], f"query {query}")
    expect(logs.text().strip(), "nothing was logged")


@HARNESS.functional
def failure_raises(ctx):
    got, logs = run(ctx, datetime.date(1999, 12, 31))
    expect(isinstance(got, Exception), f"a 500 answer returned {got!r} instead of raising")
    expect("500" in logs.text(), "the failed response's status was not logged")


@HARNESS.exploit("token-logged", cwe="CWE-532")
def token_in_log(ctx):
    _, logs = run(ctx)
    _, failed = run(ctx, datetime.date(1999, 12, 31))
    if TOKEN in logs.text() + failed.text():
        return Exploited(f"fetch_contacts(2025-03-01) with CRM_API_TOKEN={TOKEN}",
                         "the CRM API token was written to the log: anyone who reads the logs can call the CRM")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    run(ctx)
    if ctx.sent and any(s.unbounded() for s in ctx.sent):
        return Exploited(f"GET {URL}", "the CRM was called with no timeout: a CRM that stops answering holds the "
                         "nightly sync forever")


if __name__ == "__main__":
    HARNESS.main()
