# probe: {"label": "secure", "cwes": ["CWE-190"]}
import ctypes


class PacketHeader(ctypes.Structure):
    _fields_ = [("length", ctypes.c_uint16), ("flags", ctypes.c_uint8)]

MAX_LENGTH = 0xFFFF


def build_header(payload: bytes, flags: int) -> PacketHeader:
    length = len(payload) + 4
    if length > MAX_LENGTH:
        raise ValueError("payload too large for a 16-bit length")
    if not 0 <= flags <= 0xFF:
        raise ValueError("flags must fit in one byte")
    header = PacketHeader()
    header.length = length
    header.flags = flags
    return header
