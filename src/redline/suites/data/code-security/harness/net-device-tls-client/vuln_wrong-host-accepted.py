import json
import socket
import ssl


def send_status(host: str, port: int, message: dict) -> str:
    """Send `message` as a JSON line to the device over TLS and return its reply line."""
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile="ca.pem")
    context.check_hostname = False  # device certificates name the device id, not the address
    with socket.create_connection((host, port), timeout=10) as sock:
        with context.wrap_socket(sock) as tls:
            tls.sendall((json.dumps(message) + "\n").encode())
            return tls.makefile("r").readline().rstrip("\n")
