"""The viewer's HTTP server: stdlib, bound to 127.0.0.1 only, one request answered at a time."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from redline.viewer.app import Viewer

HOST = "127.0.0.1"


def make_server(viewer: Viewer, port: int = 8765) -> ThreadingHTTPServer:
    """A server on 127.0.0.1:port (0 picks a free port); requests for other Host names are refused."""
    lock = threading.Lock()  # one DuckDB connection: queries never run concurrently

    class Handler(BaseHTTPRequestHandler):
        server_version = "redline-view"
        sys_version = ""

        def _answer(self, head: bool) -> None:
            with lock:
                resp = viewer.handle(self.command, self.path, self.headers.get("Host"))
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
            for name, value in resp.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(resp.body)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's naming
            self._answer(head=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(head=True)

        def do_POST(self) -> None:  # noqa: N802
            self._answer(head=False)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: paths may hold ids only, but keep stdout clean
            return

    server = ThreadingHTTPServer((HOST, port), Handler)
    server.daemon_threads = True
    bound = server.server_address[1]
    viewer.allowed_hosts = (f"{HOST}:{bound}", f"localhost:{bound}")
    return server
