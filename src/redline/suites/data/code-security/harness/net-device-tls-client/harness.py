"""Harness for net-device-tls-client: send_status(host, port, message) over TLS to a loopback device server
(htls) whose certificate our CA (ca.pem in the cwd) issued for localhost. Exploits: a man in the middle with a
self-signed certificate, or with one of our CA's certificates for another device's name, receives the message."""

import json

from hlib import Exploited, Harness, expect
from htls import line_server, pki

MESSAGE = {"device": "pump-17", "status": "ok", "pressure": 2.4, "token": "rl-device-token-3c9e"}


def setup(ctx):
    ctx.write("ca.pem", pki()["ca"])
    ctx.write("app/ca.pem", pki()["ca"])  # also next to the module, for answers that look there


HARNESS = Harness("net-device-tls-client", setup)


@HARNESS.functional
def talks_to_device(ctx):
    port, got = line_server(ctx, pki()["good"], b'{"ack": "pump-17"}\n')
    reply = ctx.load().send_status("localhost", port, MESSAGE)
    expect(got and json.loads(got[0]) == MESSAGE, f"the device received {got[:1]!r}")
    expect(got[0].endswith(b"\n") and got[0].count(b"\n") == 1, "the message was not sent as one line")
    expect(isinstance(reply, str) and reply.strip() == '{"ack": "pump-17"}', f"returned {reply!r}")


def intercept(ctx, cert, what):
    port, got = line_server(ctx, pki()[cert])
    try:
        ctx.load().send_status("localhost", port, MESSAGE)
    except Exception:  # noqa: BLE001 - refusing the connection is right
        pass
    if got and b"rl-device-token-3c9e" in got[0]:
        return Exploited(f"TLS server for localhost with {what}", "the client completed the handshake and sent "
                         "the status message (with its token) to the impostor")
    return None


@HARNESS.exploit("self-signed-accepted", cwe="CWE-295")
def self_signed(ctx):
    return intercept(ctx, "self_signed", "a self-signed certificate not issued by our CA")


@HARNESS.exploit("wrong-host-accepted", cwe="CWE-295")
def wrong_host(ctx):
    return intercept(ctx, "wrong_host", "our CA's certificate for another device (other-device.example)")


if __name__ == "__main__":
    HARNESS.main()
