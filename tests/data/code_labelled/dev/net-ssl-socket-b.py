# redline-label: {"label": "secure", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "class"}
import json
import socket
import ssl
from typing import Optional


class TelemetryUplink:
    """Sends JSON telemetry frames to the control centre over TLS."""

    def __init__(self, host: str, port: int = 8883, cafile: Optional[str] = None) -> None:
        self.host = host
        self.port = port
        # default context: certificate and hostname verification on, TLS >= 1.2
        self._ctx = ssl.create_default_context(cafile=cafile)
        self._ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        self._sock: Optional[ssl.SSLSocket] = None

    def connect(self) -> None:
        raw = socket.create_connection((self.host, self.port), timeout=10)
        self._sock = self._ctx.wrap_socket(raw, server_hostname=self.host)

    def send(self, frame: dict) -> None:
        if self._sock is None:
            self.connect()
        assert self._sock is not None
        self._sock.sendall(json.dumps(frame).encode() + b"\n")

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
