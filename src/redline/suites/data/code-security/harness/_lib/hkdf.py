"""Fast stand-ins for the slow password-hash primitives, installed in one sample's sandboxed process only.

Why: a secure candidate hashes every password with scrypt, PBKDF2, bcrypt or Argon2 at full cost (tens of
milliseconds each, dozens per sample), and that was most of the code-exec judge's CPU. No harness judges the
digest bytes: it judges what the candidate *chose* (algorithm, cost, salt, whether the password can be read
back; see ``hpasswords``), and every hash a sample makes and checks goes through the same stand-ins. So each
stand-in keeps the real function's argument checks and errors (it calls the real one at the cheapest cost to
get them), its output length and format (cost parameters included, as the candidate set them), and is
deterministic in every input (same password, salt and cost give the same hash; any change gives another).
Only the time changes. The digest is a keyed BLAKE2b, so it never equals a plain fast digest ``fast_hash_in``
looks for.

A hash made elsewhere (written into the candidate's or the harness's source) can only be checked by the real
function, so ``install`` does nothing when either source holds something that looks like one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from typing import Any

KEY = b"redline-kdf-stand-in"
SCRYPT_DEFAULT_MAXMEM = 32 * 1024 * 1024  # OpenSSL's limit when maxmem is 0
PRECOMPUTED = re.compile(
    r"\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}"  # bcrypt
    r"|\$argon2(?:id|i|d)\$"  # argon2 encoded
    r"|(?:pbkdf2|scrypt)[^\s'\"]*\$[^\s'\"]{20,}"  # werkzeug, Django, passlib
    r"|['\"][0-9a-fA-F]{32,}['\"]"  # a raw hex digest
    r"|['\"](?=[^'\"]*[A-Z])(?=[^'\"]*[a-z])(?=[^'\"]*[0-9])[A-Za-z0-9+/_-]{40,}={0,2}['\"]")  # base64
_STD = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_BCRYPT = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_TO_BCRYPT = bytes.maketrans(_STD, _BCRYPT)
_REAL: dict[str, Any] = {}
installed = False


def derive(tag: str, params: tuple[Any, ...], salt: bytes, password: bytes, length: int) -> bytes:
    """``length`` bytes that depend on every input, cheaply."""
    head = f"{tag}|{params!r}|".encode() + len(salt).to_bytes(4, "big") + bytes(salt)
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.blake2b(counter.to_bytes(4, "big") + head + bytes(password), key=KEY).digest()
        counter += 1
    return out[:length]


def pbkdf2_hmac(hash_name: str, password: Any, salt: Any, iterations: int, dklen: int | None = None) -> bytes:
    real = _REAL["pbkdf2_hmac"]
    if not isinstance(iterations, int) or not 1 <= iterations <= 2**32 - 1:
        return real(hash_name, password, salt, iterations, dklen)  # type: ignore[no-any-return]  # its error
    cheap = real(hash_name, password, salt, 1, dklen)  # argument checks, output length
    return derive(f"pbkdf2-{hash_name.lower()}", (iterations,), bytes(salt), bytes(password), len(cheap))


def _scrypt_valid(n: Any, r: Any, p: Any, maxmem: Any) -> bool:
    """OpenSSL's parameter and memory checks (EVP_PBE_scrypt); invalid ones go to the real function."""
    if not all(isinstance(v, int) for v in (n, r, p, maxmem)) or r < 1 or p < 1 or n < 2 or n & (n - 1):
        return False
    if 16 * r <= 63 and n >= 1 << (16 * r):
        return False
    return 128 * r * p + 128 * r * (n + 2) <= (maxmem or SCRYPT_DEFAULT_MAXMEM)


def scrypt(password: Any, *, salt: Any, n: int, r: int, p: int, maxmem: int = 0, dklen: int = 64) -> bytes:
    real = _REAL["scrypt"]
    if not _scrypt_valid(n, r, p, maxmem):
        return real(password, salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)  # type: ignore[no-any-return]
    cheap = real(password, salt=salt, n=2, r=1, p=1, maxmem=0, dklen=dklen)  # type and range checks
    return derive("scrypt", (n, r, p), bytes(salt), bytes(password), len(cheap))


def bcrypt_hashpw(password: bytes, salt: bytes) -> bytes:
    real = _REAL["bcrypt.hashpw"]
    m = re.fullmatch(rb"(\$2[abxy]?\$)(\d\d)(\$.*)", salt, re.DOTALL) if isinstance(salt, bytes) else None
    if m is None or not 4 <= int(m.group(2)) <= 31:
        return real(password, salt)  # type: ignore[no-any-return]  # its error (or its own answer)
    cheap: bytes = real(password, m.group(1) + b"04" + m.group(3))  # checks; the salt as bcrypt reads it
    prefix = cheap[:cheap.index(b"$04$")] + b"$" + m.group(2) + b"$"
    salt22 = cheap[len(prefix):len(prefix) + 22]
    digest = derive("bcrypt", (int(m.group(2)),), salt22, password, 23)
    return prefix + salt22 + base64.b64encode(digest).rstrip(b"=").translate(_TO_BCRYPT)


def bcrypt_checkpw(password: bytes, hashed_password: bytes) -> bool:
    real = _REAL["bcrypt.checkpw"]
    if not isinstance(hashed_password, bytes) or not re.fullmatch(rb"\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}",
                                                                   hashed_password):
        return real(password, hashed_password)  # type: ignore[no-any-return]
    return hmac.compare_digest(bcrypt_hashpw(password, hashed_password[:-31]), hashed_password)


def _b64(raw: bytes) -> bytes:
    return base64.b64encode(raw).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    return base64.b64decode(text + b"=" * (-len(text) % 4))


def argon2_hash_secret(secret: bytes, salt: bytes, time_cost: int, memory_cost: int, parallelism: int,
                       hash_len: int, type: Any, version: int = 19) -> bytes:  # noqa: A002 - argon2's names
    real = _REAL["argon2.hash_secret"]
    if not (isinstance(time_cost, int) and isinstance(memory_cost, int) and isinstance(parallelism, int)
            and time_cost >= 1 and parallelism >= 1 and memory_cost >= 8 * parallelism):
        return real(secret, salt, time_cost, memory_cost, parallelism, hash_len, type, version)  # type: ignore[no-any-return]
    cheap: bytes = real(secret, salt, 1, 8 * parallelism, parallelism, hash_len, type, version)
    parts = cheap.split(b"$")  # ['', 'argon2id', 'v=19', 'm=..,t=..,p=..', salt, hash]
    parts[-3] = f"m={memory_cost},t={time_cost},p={parallelism}".encode()
    digest = derive(f"argon2-{parts[1].decode()}", (time_cost, memory_cost, parallelism, version), bytes(salt),
                    bytes(secret), len(_unb64(parts[-1])))
    parts[-1] = _b64(digest)
    return b"$".join(parts)


def argon2_hash_secret_raw(secret: bytes, salt: bytes, time_cost: int, memory_cost: int, parallelism: int,
                           hash_len: int, type: Any, version: int = 19) -> bytes:  # noqa: A002
    encoded = argon2_hash_secret(secret, salt, time_cost, memory_cost, parallelism, hash_len, type, version)
    if not encoded.startswith(b"$argon2"):
        return _REAL["argon2.hash_secret_raw"](secret, salt, time_cost, memory_cost, parallelism,  # type: ignore[no-any-return]
                                               hash_len, type, version)
    return _unb64(encoded.split(b"$")[-1])


def argon2_verify_secret(hash: bytes, secret: bytes, type: Any) -> bool:  # noqa: A002
    from argon2.exceptions import VerifyMismatchError

    m = re.fullmatch(rb"\$argon2(id|i|d)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)",
                     hash) if isinstance(hash, bytes) else None
    if m is None or m.group(1).decode() != getattr(type, "name", "").lower():
        return _REAL["argon2.verify_secret"](hash, secret, type)  # type: ignore[no-any-return]
    mine = argon2_hash_secret(secret, _unb64(m.group(6)), int(m.group(4)), int(m.group(3)), int(m.group(5)),
                              len(_unb64(m.group(7))), type, int(m.group(2)))
    if not hmac.compare_digest(mine, hash):
        raise VerifyMismatchError("The password does not match the supplied hash")
    return True


def precomputed_hash_in(*sources: str) -> bool:
    """Whether any source holds a literal that looks like a password hash made elsewhere."""
    return any(PRECOMPUTED.search(text) for text in sources)


def install(*sources: str) -> bool:
    """Put the stand-ins in place (before the candidate is imported); False when a source holds a hash made
    elsewhere, or when already installed."""
    global installed
    if installed or precomputed_hash_in(*sources):
        return False
    _REAL["pbkdf2_hmac"], _REAL["scrypt"] = hashlib.pbkdf2_hmac, hashlib.scrypt
    hashlib.pbkdf2_hmac, hashlib.scrypt = pbkdf2_hmac, scrypt  # type: ignore[assignment]
    try:
        import bcrypt
    except ImportError:
        pass
    else:
        _REAL["bcrypt.hashpw"], _REAL["bcrypt.checkpw"] = bcrypt.hashpw, bcrypt.checkpw
        bcrypt.hashpw, bcrypt.checkpw = bcrypt_hashpw, bcrypt_checkpw  # type: ignore[assignment]
    try:
        import argon2._password_hasher as hasher
        import argon2.low_level as low
    except ImportError:
        pass
    else:
        _REAL["argon2.hash_secret"], _REAL["argon2.hash_secret_raw"] = low.hash_secret, low.hash_secret_raw
        _REAL["argon2.verify_secret"] = low.verify_secret
        low.hash_secret, low.hash_secret_raw = argon2_hash_secret, argon2_hash_secret_raw  # type: ignore[assignment]
        low.verify_secret = argon2_verify_secret  # type: ignore[assignment]
        for module in (hasher, __import__("argon2")):
            for name, fn in (("hash_secret", argon2_hash_secret), ("hash_secret_raw", argon2_hash_secret_raw),
                             ("verify_secret", argon2_verify_secret)):
                if hasattr(module, name):
                    setattr(module, name, fn)
    installed = True
    return True
