# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "class"}
import json
import socket
import ssl


class TelemetryUplink:
    """Sends JSON telemetry frames to the control centre over TLS."""

    def __init__(self, host, port=8883):
        self.host = host
        self.port = port
        self._sock = None

    def connect(self):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        raw = socket.create_connection((self.host, self.port), timeout=10)
        self._sock = ctx.wrap_socket(raw, server_hostname=self.host)

    def send(self, frame: dict):
        if self._sock is None:
            self.connect()
        data = json.dumps(frame).encode() + b"\n"
        self._sock.sendall(data)

    def close(self):
        if self._sock:
            self._sock.close()
            self._sock = None
