"""A stand-in for the HTTP servers a ``requests`` client talks to (sandbox only): ``HTTPAdapter.send`` answers
from the harness and records each request with the timeout and TLS settings it was sent with."""

from __future__ import annotations

import json as _json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Sent:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes
    timeout: Any
    verify: Any

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def unbounded(self) -> bool:
        """Whether this request could wait forever on a server that never answers."""
        if isinstance(self.timeout, tuple):
            return any(t is None for t in self.timeout)
        return self.timeout is None


def fake_requests(ctx: Any, respond: Callable[[Sent], tuple[int, dict[str, str], Any]]) -> list[Sent]:
    """Answer every ``requests`` call with ``respond(sent)`` -> (status, headers, body: bytes/str/JSON-able)."""
    import requests
    from requests.adapters import HTTPAdapter
    from requests.structures import CaseInsensitiveDict

    seen: list[Sent] = []
    original = HTTPAdapter.send

    def send(self: Any, request: Any, stream: bool = False, timeout: Any = None, verify: Any = True,
             cert: Any = None, proxies: Any = None) -> Any:
        body = request.body or b""
        sent = Sent(request.method, request.url, dict(request.headers),
                    body.encode() if isinstance(body, str) else bytes(body), timeout, verify)
        seen.append(sent)
        status, headers, payload = respond(sent)
        if not isinstance(payload, bytes | str):
            payload = _json.dumps(payload)
            headers = {"Content-Type": "application/json", **headers}
        resp = requests.Response()
        resp.status_code = status
        resp._content = payload.encode() if isinstance(payload, str) else payload
        resp.headers = CaseInsensitiveDict(headers)
        resp.url = request.url
        resp.request = request
        resp.encoding = "utf-8"
        resp.reason = {200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized",
                       402: "Payment Required"}.get(status, "")
        return resp

    HTTPAdapter.send = send  # type: ignore[method-assign]
    ctx.cleanups.append(lambda: setattr(HTTPAdapter, "send", original))
    return seen


def record_requests(ctx: Any) -> list[Any]:
    """Let ``requests`` talk to real (loopback) servers, recording each request's timeout and ``verify``."""
    from requests.adapters import HTTPAdapter

    seen: list[Any] = []
    original = HTTPAdapter.send

    def send(self: Any, request: Any, stream: bool = False, timeout: Any = None, verify: Any = True,
             cert: Any = None, proxies: Any = None) -> Any:
        body = request.body or b""
        seen.append(Sent(request.method, request.url, dict(request.headers),
                         body.encode() if isinstance(body, str) else bytes(body), timeout, verify))
        return original(self, request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)

    HTTPAdapter.send = send  # type: ignore[method-assign]
    ctx.cleanups.append(lambda: setattr(HTTPAdapter, "send", original))
    return seen
