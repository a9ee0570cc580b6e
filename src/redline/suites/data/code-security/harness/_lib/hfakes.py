"""Stand-ins for the world a harness needs: fake DNS and routing, loopback HTTP servers, a replayable PRNG and
a movable clock. Part of the harness library (sandbox only); ``Ctx`` methods call these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def fake_network(ctx: Any, names: dict[str, str], routes: dict[tuple[str, int], int]) -> None:
    """Fake DNS (``names``: host -> IP) and routing (``routes``: (IP, port) -> loopback port), so code
    that resolves and checks addresses sees public and private IPs, while every connection stays on the
    sandbox's loopback."""
    import socket

    real_getaddrinfo, real_connect, real_connect_ex = socket.getaddrinfo, socket.socket.connect, \
        socket.socket.connect_ex

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[name], int(port or 80)))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def route(address: Any) -> Any:
        if isinstance(address, tuple) and len(address) >= 2 and (address[0], address[1]) in routes:
            return ("127.0.0.1", routes[(address[0], address[1])])
        return address

    real_gethostbyname = socket.gethostbyname

    def restore() -> None:
        socket.getaddrinfo, socket.gethostbyname = real_getaddrinfo, real_gethostbyname
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex  # type: ignore

    ctx.cleanups.append(restore)
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.gethostbyname = lambda host: names.get(host) or real_getaddrinfo(host, 0)[0][4][0]  # type: ignore
    socket.socket.connect = lambda sock, address: real_connect(sock, route(address))  # type: ignore
    socket.socket.connect_ex = lambda sock, address: real_connect_ex(sock, route(address))  # type: ignore

def http_server(ctx: Any, respond: Callable[[str], tuple[int, dict[str, str], bytes]]) -> tuple[int, list[str]]:
    """A loopback HTTP server in a thread; returns its port and the list of paths it was asked for."""
    import http.server
    import threading

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            seen.append(self.path)
            status, headers, body = respond(self.path)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1], seen


def predictable_randomness(ctx: Any) -> None:
    """Make every non-cryptographic source deterministic: the ``random`` module (its global instance and
    any ``random.Random``; ``SystemRandom`` and ``secrets`` are untouched) and the clock. Code whose
    output repeats under this is predictable to an attacker (CWE-330/338)."""
    import random
    import time

    originals = (random.Random.random, random.Random.getrandbits, time.time, time.time_ns)
    random.seed(1234)
    replay = random.Random.__bases__[0](1234)  # the C generator, seeded alike on every call: same sequence
    random.Random.random = lambda self: replay.random()  # type: ignore[method-assign]
    random.Random.getrandbits = lambda self, k: replay.getrandbits(k)  # type: ignore[method-assign]
    time.time = lambda: 1_700_000_000.0
    time.time_ns = lambda: 1_700_000_000_000_000_000

    def restore() -> None:
        random.Random.random, random.Random.getrandbits, time.time, time.time_ns = originals  # type: ignore

    ctx.cleanups.append(restore)

def advance_clock(ctx: Any, seconds: float) -> None:
    """Move the clocks the candidate can read forward: ``time.*`` and a ``datetime`` it imported."""
    import datetime as dt
    import time

    originals = (time.time, time.time_ns, time.monotonic, time.monotonic_ns)
    t, tn, m, mn = originals
    time.time = lambda: t() + seconds
    time.time_ns = lambda: tn() + int(seconds * 1e9)
    time.monotonic = lambda: m() + seconds
    time.monotonic_ns = lambda: mn() + int(seconds * 1e9)

    class Later(dt.datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return dt.datetime.now(tz) + dt.timedelta(seconds=seconds)

        @classmethod
        def utcnow(cls) -> Any:
            return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(seconds=seconds)

        @classmethod
        def today(cls) -> Any:
            return cls.now()

    mod = ctx.load()
    saved = {}
    moved = {id(t): time.time, id(tn): time.time_ns, id(m): time.monotonic, id(mn): time.monotonic_ns}
    for name, value in list(vars(mod).items()):
        if id(value) in moved:  # ``from time import time`` and the like
            saved[name] = value
            setattr(mod, name, moved[id(value)])
        elif value is dt.datetime:
            saved[name] = value
            setattr(mod, name, Later)
        elif value is dt:
            saved[name] = value
            setattr(mod, name, type("datetime_module", (), {**{k: getattr(dt, k) for k in dir(dt)
                                                              if not k.startswith("__")}, "datetime": Later}))

    def restore() -> None:
        time.time, time.time_ns, time.monotonic, time.monotonic_ns = originals  # type: ignore[misc]
        for name, value in saved.items():
            setattr(mod, name, value)

    ctx.cleanups.append(restore)
