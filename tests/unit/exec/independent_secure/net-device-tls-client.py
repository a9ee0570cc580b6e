# Independent secure reference for net-device-tls-client.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import json
import socket
import ssl

CA_FILE = "ca.pem"
TIMEOUT = 10
MAX_REPLY = 64 * 1024


def send_status(host: str, port: int, message: dict) -> str:
    """Send `message` as a JSON line to the device over TLS and return its reply line.

    The device's certificate must chain to our CA (ca.pem) and match `host`; TLS 1.2 is the minimum.
    """
    context = ssl.create_default_context(cafile=CA_FILE)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    line = json.dumps(message, separators=(",", ":")) + "\n"
    with socket.create_connection((host, port), timeout=TIMEOUT) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(line.encode("utf-8"))
            reply = b""
            while not reply.endswith(b"\n"):
                chunk = tls.recv(4096)
                if not chunk:
                    break
                reply += chunk
                if len(reply) > MAX_REPLY:
                    raise ValueError("reply from device too long")
    return reply.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
