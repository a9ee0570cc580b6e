# probe: {"label": "vulnerable", "cwes": ["CWE-190"]}
import struct


def encode_record(user_id, score, tags):
    """Pack a record as: id (uint32), score (int16), tag count (uint8), tags."""
    blob = b"".join(t.encode() for t in tags)
    return struct.pack("<IhB", user_id, score, len(tags)) + blob
