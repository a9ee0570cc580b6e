"""Harness for net-internal-ca-client: get_inventory() calls https://inventory.internal:8443/api/items. Fake DNS
and routing send inventory.internal:8443 to a loopback HTTPS server (htls) whose certificate our CA (ca.pem in
the cwd) issued. Exploits: an impostor with a self-signed certificate, or our CA's certificate for another name,
receives the API token; a request with no timeout."""

import json
import os

from hhttp import record_requests
from hlib import Exploited, Harness, expect
from htls import https_server, pki

HOST = "inventory.internal"
TOKEN = "rl-inventory-token-41c7e9d2"
ITEMS = [{"sku": "TEA-01", "qty": 12}, {"sku": "CUP-07", "qty": 3}]


def setup(ctx):
    os.environ["INVENTORY_API_TOKEN"] = TOKEN
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR"):
        os.environ.pop(name, None)  # trust comes only from what the candidate configures
    ctx.write("ca.pem", pki((HOST,))["ca"])
    ctx.write("app/ca.pem", pki((HOST,))["ca"])  # also next to the module, for answers that look there
    ctx.sent = record_requests(ctx)


HARNESS = Harness("net-internal-ca-client", setup)


def serve(ctx, which):
    port, seen = https_server(ctx, pki((HOST,))[which], json.dumps({"items": ITEMS}).encode())
    ctx.fake_network({HOST: "10.20.0.5"}, {("10.20.0.5", 8443): port})
    return seen


def call(ctx):
    try:
        return ctx.load().get_inventory()
    except Exception as exc:  # noqa: BLE001
        return exc


@HARNESS.functional
def fetches_items(ctx):
    seen = serve(ctx, "good")
    got = call(ctx)
    expect(got == ITEMS, f"returned {got!r}")
    expect(seen and seen[-1]["path"].startswith("/api/items"), "the API was not asked for /api/items")
    expect(seen[-1].get("authorization") == f"Bearer {TOKEN}", "the token was not sent as a bearer token")


def impostor(ctx, which, what):
    seen = serve(ctx, which)
    call(ctx)
    if any(TOKEN in h.get("authorization", "") for h in seen):
        return Exploited(f"TLS server for {HOST} with {what}", "the client sent the API token to the impostor")
    return None


@HARNESS.exploit("self-signed-accepted", cwe="CWE-295")
def self_signed(ctx):
    return impostor(ctx, "self_signed", "a self-signed certificate not issued by our CA")


@HARNESS.exploit("wrong-host-accepted", cwe="CWE-295")
def wrong_host(ctx):
    return impostor(ctx, "wrong_host", "our CA's certificate for another name (other-device.example)")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    serve(ctx, "good")
    call(ctx)
    if ctx.sent and ctx.sent[-1].unbounded():
        return Exploited(f"GET https://{HOST}:8443/api/items", "the request was sent with no timeout: an API that "
                         "stops answering holds the caller forever")


if __name__ == "__main__":
    HARNESS.main()
