"""A local OpenAI-compatible test server that answers with a configurable mix of successes and faults.

Faults: ``429`` (with Retry-After), ``500``/``502``/``503``, ``401``, ``reset`` (connection closed without an
answer), ``slow`` (sleeps past the client's timeout), ``malformed`` (invalid JSON), ``truncated`` (cut JSON),
``empty`` (no choices). ``reasoning`` answers with a ``reasoning_content`` field; ``cutoff`` (content null, reasoning,
finish_reason length) and ``unclosed`` (an unclosed ``<think>``) are answers cut off by the token limit.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Plan = Callable[[dict[str, Any], int], str]  # (request body, attempt number for this body) -> behaviour


def ok_body(body: dict[str, Any], text: str | None = None, reasoning: str = "") -> dict[str, Any]:
    content = text if text is not None else "answer to: " + json.dumps(body.get("messages") or body.get("prompt"))[-80:]
    if "prompt" in body:
        choice: dict[str, Any] = {"index": 0, "text": content, "finish_reason": "stop"}
    else:
        message = {"role": "assistant", "content": content}
        if reasoning:
            message["reasoning_content"] = reasoning
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
    return {"id": "x", "object": "chat.completion", "choices": [choice],
            "usage": {"prompt_tokens": 5, "completion_tokens": 7}}


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # a real server's backlog, not the stdlib's 5
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that timed out and hung up (the point of the `slow` fault) is not a server error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeServer:
    def __init__(self, plan: Plan, *, slow_s: float = 2.0) -> None:
        self.plan = plan
        self.slow_s = slow_s
        self.requests: list[dict[str, Any]] = []
        self.models: list[dict[str, Any]] = [{"id": "m", "object": "model", "root": "m", "owned_by": "test"}]
        self.headers: list[dict[str, str]] = []
        self._attempts: dict[str, int] = {}
        self._lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", 0), self._handler())

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return None

            def do_GET(self) -> None:  # noqa: N802
                payload = json.dumps({"object": "list", "data": server.models}).encode()
                self.send_response(200 if self.path.endswith("/models") else 404)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                key = json.dumps(body, sort_keys=True)
                with server._lock:
                    server.requests.append(body)
                    server.headers.append(dict(self.headers))
                    attempt = server._attempts.get(key, 0) + 1
                    server._attempts[key] = attempt
                server.respond(self, body, server.plan(body, attempt))

        return Handler

    def respond(self, h: BaseHTTPRequestHandler, body: dict[str, Any], behaviour: str) -> None:
        def send(status: int, payload: bytes, headers: dict[str, str] | None = None) -> None:
            h.send_response(status)
            h.send_header("content-type", "application/json")
            h.send_header("content-length", str(len(payload)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(payload)

        if behaviour == "ok":
            send(200, json.dumps(ok_body(body)).encode())
        elif behaviour == "reasoning":
            send(200, json.dumps(ok_body(body, "final answer", reasoning="step by step")).encode())
        elif behaviour == "think":
            send(200, json.dumps(ok_body(body, "<think>plan it</think>final answer")).encode())
        elif behaviour == "cutoff":  # a reasoning model cut off by max_tokens while still thinking
            payload = ok_body(body, "", reasoning="The user asks about this. I should explain the facts, first")
            payload["choices"][0]["message"]["content"] = None
            payload["choices"][0]["finish_reason"] = "length"
            send(200, json.dumps(payload).encode())
        elif behaviour == "unclosed":  # an unclosed <think> block, finish_reason stop
            send(200, json.dumps(ok_body(body, "<think>I should answer with the facts, namely")).encode())
        elif behaviour == "429":
            send(429, b'{"error": "rate limited"}', {"retry-after": "0"})
        elif behaviour in ("500", "502", "503", "401", "403", "404", "400"):
            send(int(behaviour), b'{"error": "boom"}')
        elif behaviour == "reset":
            h.close_connection = True
            h.connection.shutdown(2)
        elif behaviour == "slow":
            time.sleep(self.slow_s)
            send(200, json.dumps(ok_body(body)).encode())
        elif behaviour == "malformed":
            send(200, b"this is not json")
        elif behaviour == "truncated":
            send(200, json.dumps(ok_body(body)).encode()[:25])
        elif behaviour == "empty":
            send(200, b'{"choices": []}')
        else:
            raise ValueError(behaviour)


@contextmanager
def serve(plan: Plan, *, slow_s: float = 2.0) -> Iterator[FakeServer]:
    server = FakeServer(plan, slow_s=slow_s)
    thread = threading.Thread(target=server.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def always(behaviour: str) -> Plan:
    return lambda body, attempt: behaviour


def fault_mix(rate: float, seed: int, faults: tuple[str, ...] = ("429", "500", "502", "503", "reset", "malformed",
                                                                 "truncated", "empty", "slow")) -> Plan:
    """Each attempt fails with probability ``rate`` with a fault drawn from ``faults`` (seeded per attempt)."""
    def plan(body: dict[str, Any], attempt: int) -> str:
        rng = random.Random(f"{seed}:{json.dumps(body, sort_keys=True)}:{attempt}")
        return rng.choice(faults) if rng.random() < rate else "ok"
    return plan
