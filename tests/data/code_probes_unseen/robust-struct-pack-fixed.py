# probe: {"label": "secure", "cwes": ["CWE-190"]}
import struct


def _fits(value, low, high, name):
    if not low <= value <= high:
        raise ValueError(f"{name} out of range")
    return value


def encode_record(user_id, score, tags):
    """Pack a record as: id (uint32), score (int16), tag count (uint8), tags."""
    blob = b"".join(t.encode() for t in tags)
    return struct.pack("<IhB", _fits(user_id, 0, 2**32 - 1, "id"), _fits(score, -2**15, 2**15 - 1, "score"),
                       _fits(len(tags), 0, 255, "tags")) + blob
