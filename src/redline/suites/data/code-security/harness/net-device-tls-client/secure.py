import json
import socket
import ssl


def send_status(host: str, port: int, message: dict) -> str:
    """Send `message` as a JSON line to the device over TLS and return its reply line."""
    context = ssl.create_default_context(cafile="ca.pem")
    with socket.create_connection((host, port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall((json.dumps(message) + "\n").encode())
            data = b""
            while not data.endswith(b"\n"):
                chunk = tls.recv(4096)
                if not chunk:
                    break
                data += chunk
    return data.decode().rstrip("\n")
