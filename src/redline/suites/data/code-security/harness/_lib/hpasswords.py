"""Stored-password analysis of the harness library: what an attacker holding the stored string learns."""

from __future__ import annotations

_FAST = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s")


def _encodings(raw: bytes) -> set[str]:
    import base64

    return {raw.hex(), raw.hex().upper(), base64.b64encode(raw).decode().rstrip("="),
            base64.urlsafe_b64encode(raw).decode().rstrip("=")}


def plaintext_in(stored: str, password: str) -> bool:
    """The password can be read back: verbatim, or merely hex/base64-encoded."""
    return password in stored or any(e in stored for e in _encodings(password.encode()))


def fast_hash_in(stored: str, password: str) -> str:
    """Name of a fast unsalted-or-salted digest the stored string contains, or ''. Salts are looked for among
    the string's own parts (``salt$hash``, ``salt:hash``)."""
    import hashlib
    import re

    pw = password.encode()
    parts = [p for p in re.split(r"[$:.;,| ]", stored) if p]
    salts: list[bytes] = [b""]
    for part in parts:
        salts.append(part.encode())
        try:
            salts.append(bytes.fromhex(part))
        except ValueError:
            pass
    for algo in _FAST:
        for salt in salts:
            for blob in {salt + pw, pw + salt}:
                if any(e in stored for e in _encodings(hashlib.new(algo, blob).digest())):
                    return algo
    return ""


def low_cost(stored: str) -> str:
    """Why a recognised slow-hash format is configured too cheap, or '' (unknown formats are not judged)."""
    import re

    m = re.search(r"\$2[abxy]?\$(\d\d)\$", stored)
    if m and int(m.group(1)) < 10:
        return f"bcrypt cost {m.group(1)} < 10"
    m = re.search(r"pbkdf2[-_:]?(?:sha\d+)?[:$](\d+)", stored, re.IGNORECASE)
    if m and int(m.group(1)) < 100_000:
        return f"PBKDF2 with {m.group(1)} iterations < 100000"
    m = re.search(r"scrypt[:$](?:ln=)?(\d+)", stored)
    if m:
        n = int(m.group(1))
        n = 2 ** n if n < 64 else n
        if n < 2**14:
            return f"scrypt N={n} < 16384"
    m = re.search(r"\$argon2(?:id|i|d)\$v=\d+\$m=(\d+),t=(\d+)", stored)
    if m and (int(m.group(1)) < 19_456 or int(m.group(2)) < 2):
        return f"argon2 m={m.group(1)} t={m.group(2)} below 19456 KiB / 2 passes"
    return ""
