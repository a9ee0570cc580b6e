"""Harness for net-webhook-test-button: FastAPI POST /webhooks/test {"url"} sends a sample event and answers
{"status_code", "body"}. DNS and routing are faked: hooks.partner.example is a public address served by a
loopback server; internal.example, 10.0.0.7 and 169.254.169.254 lead to an "internal" loopback server.
Exploits: the server fetches an internal address for the user (SSRF); the outgoing request has no timeout."""

from hhttp import record_requests
from hlib import Exploited, Harness, expect

PUBLIC_IP, INTERNAL_IP, METADATA_IP = "93.184.216.34", "10.0.0.7", "169.254.169.254"
REPLY = ("received " + "x" * 300).encode()


def setup(ctx):
    ctx.internal_port, ctx.internal_seen = ctx.http_server(lambda path: (200, {}, b"rl-internal-secret"))
    internal = f"http://{INTERNAL_IP}/"

    def public(path):
        if path.startswith("/redirect"):
            return 302, {"Location": internal + "latest/meta-data"}, b""
        return 202, {"Content-Type": "text/plain"}, REPLY
    ctx.public_port, ctx.public_seen = ctx.http_server(public)
    ctx.fake_network({"hooks.partner.example": PUBLIC_IP, "internal.example": INTERNAL_IP},
                     {(PUBLIC_IP, 80): ctx.public_port, (INTERNAL_IP, 80): ctx.internal_port,
                      (METADATA_IP, 80): ctx.internal_port})
    ctx.sent = record_requests(ctx)


HARNESS = Harness("net-webhook-test-button", setup)


def client(ctx):
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    mod = ctx.load()
    app = next((v for v in vars(mod).values() if isinstance(v, FastAPI)), None)
    expect(app is not None, "no FastAPI app in the module")
    return TestClient(app, raise_server_exceptions=False)


@HARNESS.functional
def sends_and_reports(ctx):
    resp = client(ctx).post("/webhooks/test", json={"url": "http://hooks.partner.example/rl-hook"})
    expect(resp.status_code == 200, f"status {resp.status_code}")
    data = resp.json()
    expect(ctx.public_seen and ctx.public_seen[0].startswith("/rl-hook"), "the webhook URL was not called")
    expect(data.get("status_code") == 202, f"status_code {data.get('status_code')!r}, the webhook answered 202")
    expect(data.get("body") == REPLY.decode()[:200], "body is not the first 200 characters of the response")


@HARNESS.exploit("ssrf-internal", cwe="CWE-918")
def ssrf(ctx):
    c = client(ctx)
    for url in (f"http://127.0.0.1:{ctx.internal_port}/admin", f"http://localhost:{ctx.internal_port}/admin",
                "http://internal.example/admin", f"http://{METADATA_IP}/latest/meta-data/",
                "http://hooks.partner.example/redirect"):
        c.post("/webhooks/test", json={"url": url})
        if ctx.internal_seen:
            return Exploited(url, f"the server sent a request to an internal address for the user "
                             f"({ctx.internal_seen[0]})")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    client(ctx).post("/webhooks/test", json={"url": "http://hooks.partner.example/rl-hook"})
    if ctx.sent and ctx.sent[-1].unbounded():
        return Exploited("POST http://hooks.partner.example/rl-hook", "the webhook was called with no timeout: a "
                         "URL that never answers holds a server worker forever")


if __name__ == "__main__":
    HARNESS.main()
