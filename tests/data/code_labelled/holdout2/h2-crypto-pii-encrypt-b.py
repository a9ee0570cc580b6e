# redline-label: {"label": "vulnerable", "cwes": ["CWE-327"], "task": null, "category": "crypto-random", "style": "function"}
"""Field-level encryption for national ID numbers stored in the HR database."""
import base64
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def _key() -> bytes:
    key = base64.b64decode(os.environ["HR_FIELD_KEY"])
    if len(key) != 32:
        raise RuntimeError("HR_FIELD_KEY must be 32 bytes (base64)")
    return key


def encrypt_field(plaintext: str) -> str:
    """AES-256 encryption; deterministic, so equal IDs can still be looked up with WHERE col = ?."""
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode()) + padder.finalize()
    enc = Cipher(algorithms.AES(_key()), modes.ECB()).encryptor()
    return base64.b64encode(enc.update(data) + enc.finalize()).decode()


def decrypt_field(token: str) -> str:
    dec = Cipher(algorithms.AES(_key()), modes.ECB()).decryptor()
    data = dec.update(base64.b64decode(token)) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode()
