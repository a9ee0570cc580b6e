"""TLS fixtures of the harness library (sandbox only): a private CA, certificates it issues (or self-signed
ones an attacker could make), and a one-line echo server on loopback speaking TLS with a chosen certificate."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import threading
from functools import cache
from typing import Any


def _key() -> Any:
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.generate_private_key(ec.SECP256R1())


def _name(cn: str) -> Any:
    from cryptography.x509.oid import NameOID
    from cryptography import x509

    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _pem(cert: Any, key: Any = None) -> bytes:
    from cryptography.hazmat.primitives import serialization

    out = cert.public_bytes(serialization.Encoding.PEM)
    if key is not None:
        out += key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    return out


def _issue(subject: str, key: Any, issuer: str, issuer_key: Any, *, ca: bool, hosts: tuple[str, ...]) -> Any:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                                        critical=True)
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    else:
        sans = [x509.IPAddress(ipaddress.ip_address(h)) if h[0].isdigit() else x509.DNSName(h) for h in hosts]
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                                        critical=False)
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                                        critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


@cache
def pki(hosts: tuple[str, ...] = ("localhost", "127.0.0.1")) -> dict[str, bytes]:
    """PEM blobs: ``ca`` (our CA's certificate), ``good`` (a server cert+key from our CA for ``hosts``),
    ``self_signed`` (cert+key for the same names, signed by nobody we trust) and ``wrong_host`` (from our CA, for
    another name). Made once per worker process."""
    ca_key = _key()
    ca = _issue("RL Field Devices CA", ca_key, "RL Field Devices CA", ca_key, ca=True, hosts=())
    good_key, evil_key, other_key = _key(), _key(), _key()
    good = _issue(hosts[0], good_key, "RL Field Devices CA", ca_key, ca=False, hosts=hosts)
    rogue_ca = _key()
    self_signed = _issue(hosts[0], evil_key, hosts[0], rogue_ca, ca=False, hosts=hosts)
    wrong = _issue("other-device.example", other_key, "RL Field Devices CA", ca_key, ca=False,
                   hosts=("other-device.example",))
    return {"ca": _pem(ca), "good": _pem(good, good_key), "self_signed": _pem(self_signed, evil_key),
            "wrong_host": _pem(wrong, other_key)}


def line_server(ctx: Any, cert_pem: bytes, reply: bytes = b'{"ok": true}\n') -> tuple[int, list[bytes]]:
    """A TLS server on loopback with ``cert_pem`` (certificate then key): for each connection it reads one line,
    records it, and answers ``reply``. Returns its port and the lines it received (the data that leaked)."""
    path = ctx.write(f"srv-{abs(hash(cert_pem))}.pem", cert_pem)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(path)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    got: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.settimeout(5)
                    data = b""
                    while not data.endswith(b"\n"):
                        chunk = tls.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                    got.append(data)
                    tls.sendall(reply)
            except (OSError, ssl.SSLError):
                pass

    threading.Thread(target=serve, daemon=True).start()
    ctx.cleanups.append(listener.close)
    return listener.getsockname()[1], got


def https_server(ctx: Any, cert_pem: bytes, body: bytes, content_type: str = "application/json"
                 ) -> tuple[int, list[dict[str, str]]]:
    """An HTTPS server on loopback with ``cert_pem``: answers every GET/POST with ``body``; returns its port and
    the headers of each request it received (what a client disclosed to it)."""
    import http.server

    seen: list[dict[str, str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            seen.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    path = ctx.write(f"https-{abs(hash(cert_pem))}.pem", cert_pem)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ctx.cleanups.append(server.shutdown)
    return server.server_address[1], seen
