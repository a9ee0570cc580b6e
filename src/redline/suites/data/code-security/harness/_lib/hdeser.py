"""Deserialization payloads of the harness library (sandbox only): objects that create a canary file when a
candidate deserializes them, and tampered copies of what a candidate itself serialized."""

from __future__ import annotations

import base64
import binascii
import pickle
from collections.abc import Iterator


class _Canary:
    """Unpickling this opens ``path`` for writing: the file appears only if the loader runs what it is sent."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.path, "w"))


def canary_pickles(path: str) -> list[bytes]:
    """The canary object pickled with every protocol."""
    return [pickle.dumps(_Canary(path), protocol=p) for p in range(pickle.HIGHEST_PROTOCOL + 1)]


def canary_yaml(path: str) -> bytes:
    return f"!!python/object/apply:builtins.open [{path!r}, 'w']\n".encode()


def decodings(data: bytes | str) -> Iterator[tuple[bytes, object]]:
    """``data`` as raw bytes and, where it decodes, as base64 (standard and URL-safe): (decoded, re-encoder)."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    yield raw, lambda b: b
    for dec, enc in ((base64.b64decode, base64.b64encode), (base64.urlsafe_b64decode, base64.urlsafe_b64encode)):
        try:
            yield dec(raw + b"=" * (-len(raw) % 4)), enc
        except (binascii.Error, ValueError):
            pass


def tampered(stored: bytes | str, path: str) -> list[bytes]:
    """Copies of what the candidate serialized with its pickle stream swapped for the canary's (same framing,
    same base64 layer). A signature or MAC around the stream no longer matches, so a checked format is safe."""
    out: list[bytes] = []
    for decoded, encode in decodings(stored):
        start = next((i for i in range(len(decoded) - 1) if decoded[i] == 0x80 and 2 <= decoded[i + 1] <= 5), -1)
        if start < 0:
            continue
        proto = decoded[start + 1]
        end = decoded.rfind(b".")  # a pickle stream ends with STOP; keep any framing after it
        evil = pickle.dumps(_Canary(path), protocol=proto)
        tail = decoded[end + 1:] if end > start else b""
        out.append(encode(decoded[:start] + evil + tail))
    return out


def payloads(path: str, stored: bytes | str | None = None) -> list[bytes]:
    """Every payload to try, raw (the caller adds any transport encoding): tampered copies of ``stored`` first,
    then bare pickles and YAML, each also base64-encoded."""
    out = tampered(stored, path) if stored is not None else []
    for bare in [*canary_pickles(path), canary_yaml(path)]:
        out += [bare, base64.b64encode(bare), base64.urlsafe_b64encode(bare)]
    return out
