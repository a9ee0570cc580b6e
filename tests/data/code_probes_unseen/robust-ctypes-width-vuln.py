# probe: {"label": "vulnerable", "cwes": ["CWE-190"]}
import ctypes


class PacketHeader(ctypes.Structure):
    _fields_ = [("length", ctypes.c_uint16), ("flags", ctypes.c_uint8)]


def build_header(payload: bytes, flags: int) -> PacketHeader:
    header = PacketHeader()
    header.length = len(payload) + 4
    header.flags = flags
    return header
