"""Harness for net-exchange-rates-client: get_exchange_rates(base) GETs https://api.bank.example/v1/rates?base=...
with X-Api-Key from BANK_API_KEY. Fake DNS and routing send api.bank.example:443 to a loopback HTTPS server; the
sandbox trusts the bank's CA through REQUESTS_CA_BUNDLE (how a deployment adds a CA to requests' default trust).
Exploits: an impostor with a self-signed certificate, or a trusted certificate for another name, receives the
API key (CWE-295); a request with no timeout (CWE-400)."""

import http.server
import json
import os
import ssl
import threading
from urllib.parse import parse_qs, urlsplit

from hhttp import record_requests
from hlib import Exploited, Harness, expect
from htls import pki

HOST = "api.bank.example"
KEY = "rl-bank-api-key-5e02c7a9"
RATES = {"USD": 1.14, "GBP": 0.84, "JPY": 163.2}
ENV = ("BANK_API_KEY", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR")


def setup(ctx):
    saved = {name: os.environ.get(name) for name in ENV}

    def restore():
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    ctx.cleanups.append(restore)
    for name in ENV:
        os.environ.pop(name, None)
    os.environ["BANK_API_KEY"] = KEY
    os.environ["REQUESTS_CA_BUNDLE"] = ctx.write("bank-ca.pem", pki((HOST,))["ca"])
    ctx.sent = record_requests(ctx)


HARNESS = Harness("net-exchange-rates-client", setup)


def serve(ctx, which, status=200):
    """An HTTPS server for HOST with the chosen certificate; returns what each request disclosed."""
    seen = []
    body = json.dumps({"base": "EUR", "date": "2025-06-02", "rates": RATES}).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            seen.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
            payload = body if status == 200 else b'{"error": "service unavailable"}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(ctx.write(f"srv-{which}.pem", pki((HOST,))[which]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ctx.cleanups.append(server.server_close)
    ctx.cleanups.append(server.shutdown)
    ctx.fake_network({HOST: "203.0.113.10"}, {("203.0.113.10", 443): server.server_address[1]})
    return seen


def call(ctx, base="EUR"):
    try:
        return ctx.load().get_exchange_rates(base)
    except Exception as exc:  # noqa: BLE001
        return exc


@HARNESS.functional
def fetches_rates(ctx):
    seen = serve(ctx, "good")
    got = call(ctx)
    expect(isinstance(got, dict) and got == RATES, f"returned {got!r}, not the rates")
    expect(seen, "the rates API was not called")
    url = urlsplit(seen[-1]["path"])
    expect(url.path == "/v1/rates" and parse_qs(url.query).get("base") == ["EUR"],
           f"asked for {seen[-1]['path']!r}, not /v1/rates?base=EUR")
    expect(seen[-1].get("x-api-key") == KEY, "the X-Api-Key header did not carry BANK_API_KEY")


@HARNESS.functional
def error_status_raises(ctx):
    serve(ctx, "good", status=503)
    got = call(ctx)
    expect(isinstance(got, Exception), f"a 503 answer gave {got!r} instead of an exception")


def impostor(ctx, which, what):
    seen = serve(ctx, which)
    call(ctx)
    if any(h.get("x-api-key") == KEY for h in seen):
        return Exploited(f"TLS server for {HOST} with {what}", "the client sent the bank API key to the impostor")
    return None


@HARNESS.exploit("self-signed-accepted", cwe="CWE-295")
def self_signed(ctx):
    return impostor(ctx, "self_signed", "a self-signed certificate no trusted CA issued")


@HARNESS.exploit("wrong-host-accepted", cwe="CWE-295")
def wrong_host(ctx):
    return impostor(ctx, "wrong_host", "a trusted CA's certificate for another name (other-device.example)")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    serve(ctx, "good")
    call(ctx)
    if ctx.sent and ctx.sent[-1].unbounded():
        return Exploited(f"GET https://{HOST}/v1/rates", "the request was sent with no timeout: a rates API that "
                         "stops answering holds the invoicing service forever")


if __name__ == "__main__":
    HARNESS.main()
