import json
import socket
import ssl


def send_status(host: str, port: int, message: dict) -> str:
    """Send `message` as a JSON line to the device over TLS and return its reply line."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # devices use our own CA
    sock = socket.create_connection((host, port), timeout=10)
    tls = context.wrap_socket(sock, server_hostname=host)
    try:
        tls.sendall(json.dumps(message).encode() + b"\n")
        reply = tls.makefile("rb").readline()
    finally:
        tls.close()
    return reply.decode().strip()
