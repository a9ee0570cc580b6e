"""Ciphertext analysis of the harness library (sandbox only): what an attacker holding stored tokens learns
without the key. ECB leaks repeated plaintext blocks; a reused keystream leaks one note from another."""

from __future__ import annotations

import base64
import binascii


def decodings(token: bytes | str) -> list[bytes]:
    """The token as raw bytes and, where it decodes, base64 (standard, URL-safe) and hex."""
    raw = token.encode() if isinstance(token, str) else bytes(token)
    out = [raw]
    for dec in (base64.b64decode, base64.urlsafe_b64decode, bytes.fromhex):
        try:
            text = raw.decode("ascii").strip()
            out.append(dec(text + "=" * (-len(text) % 4)) if dec is not bytes.fromhex else dec(text))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            pass
    return out


def repeated_block(token: bytes | str, block: int = 16, min_repeats: int = 3) -> bytes:
    """A ``block``-byte run that occurs ``min_repeats`` times at offsets a whole number of blocks apart, or b''.
    Random ciphertext never does this; ECB does for repeated plaintext blocks."""
    for data in decodings(token):
        for offset in range(block):
            counts: dict[bytes, int] = {}
            for i in range(offset, len(data) - block + 1, block):
                chunk = data[i:i + block]
                counts[chunk] = counts.get(chunk, 0) + 1
                if counts[chunk] >= min_repeats:
                    return chunk
    return b""


def keystream_reused(t1: bytes | str, t2: bytes | str, p1: bytes, p2: bytes) -> bool:
    """Whether c1 XOR c2 contains p1 XOR p2 at one offset: both notes were XORed with the same keystream, so
    knowing one note reveals the other."""
    want = bytes(a ^ b for a, b in zip(p1, p2, strict=True))
    for d1 in decodings(t1):
        for d2 in decodings(t2):
            if len(d1) != len(d2):
                continue
            x = bytes(a ^ b for a, b in zip(d1, d2, strict=True))
            if want in x:
                return True
    return False
