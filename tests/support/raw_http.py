"""A raw-socket HTTP server for faults no well-behaved server library will produce: HTTP/1.0 without a length,
informational answers, broken chunked encoding, lying content lengths, trickled headers, huge headers.

``serve_raw(answer)`` calls ``answer(head, body)`` for every POST and writes the bytes it returns as they are
(``CLOSE`` after them closes the connection); ``GET .../models`` gets a plain model list unless
``get_too``.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

CLOSE = b"\x00<close>"  # appended by an answer: close the connection after writing it
Answer = Callable[[bytes, bytes], bytes | Callable[[socket.socket], None]]


def response(status: int = 200, body: bytes = b"", headers: tuple[bytes, ...] = (), *, version: bytes = b"HTTP/1.1",
             length: bool = True) -> bytes:
    lines = [version + b" %d X" % status, b"content-type: application/json"]
    if length:
        lines.append(b"content-length: %d" % len(body))
    return b"\r\n".join([*lines, *headers]) + b"\r\n\r\n" + body


def chat(text: str, finish: str = "stop") -> bytes:
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": text}, "finish_reason": finish}],
                       "usage": {"prompt_tokens": 1, "completion_tokens": 2}}).encode()


@dataclass
class RawServer:
    base_url: str = ""
    heads: list[bytes] = field(default_factory=list)


def _read_request(conn: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b"", b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head, body


@contextmanager
def serve_raw(answer: Answer, *, get_too: bool = False) -> Iterator[RawServer]:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    server = RawServer(base_url=f"http://127.0.0.1:{listener.getsockname()[1]}/v1")
    conns: list[socket.socket] = []

    def handle(conn: socket.socket) -> None:
        try:
            while True:
                head, body = _read_request(conn)
                if not head:
                    return
                if head.startswith(b"GET") and not get_too:
                    models = json.dumps({"data": [{"id": "m"}]}).encode()
                    conn.sendall(response(200, models))
                    continue
                server.heads.append(head)
                out = answer(head, body)
                if callable(out):  # the answer writes by itself (trickling, say)
                    out(conn)
                    return
                conn.sendall(out.removesuffix(CLOSE))
                if out.endswith(CLOSE):
                    return
        except OSError:
            return
        finally:
            conn.close()

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conns.append(conn)
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server
    finally:
        listener.close()
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
