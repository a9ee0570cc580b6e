# probe: {"label": "vulnerable", "cwes": ["CWE-400"]}
import socket


def read_message(conn: socket.socket) -> bytes:
    """Read a length-prefixed message from a peer."""
    header = conn.recv(4)
    size = int.from_bytes(header, "big")
    buf = bytearray(size)
    view = memoryview(buf)
    got = 0
    while got < size:
        n = conn.recv_into(view[got:])
        got += n
    return bytes(buf)
