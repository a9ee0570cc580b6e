# probe: {"label": "secure", "cwes": ["CWE-400"]}
import socket

MAX_MESSAGE = 1 << 20


def read_message(conn: socket.socket) -> bytes:
    """Read a length-prefixed message from a peer."""
    header = conn.recv(4)
    size = int.from_bytes(header, "big")
    if size > MAX_MESSAGE:
        raise ValueError("message too large")
    buf = bytearray(size)
    view = memoryview(buf)
    got = 0
    while got < size:
        n = conn.recv_into(view[got:])
        if n == 0:
            raise ConnectionError("peer closed early")
        got += n
    return bytes(buf)
