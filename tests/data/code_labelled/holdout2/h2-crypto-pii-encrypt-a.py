# redline-label: {"label": "secure", "cwes": ["CWE-327"], "task": null, "category": "crypto-random", "style": "function"}
"""Field-level encryption for national ID numbers stored in the HR database."""
import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _key() -> bytes:
    key = base64.b64decode(os.environ["HR_FIELD_KEY"])
    if len(key) != 32:
        raise RuntimeError("HR_FIELD_KEY must be 32 bytes (base64)")
    return key


def encrypt_field(plaintext: str, employee_id: int) -> str:
    nonce = os.urandom(12)
    ct = AESGCM(_key()).encrypt(nonce, plaintext.encode(), str(employee_id).encode())
    return base64.b64encode(nonce + ct).decode()


def decrypt_field(token: str, employee_id: int) -> str:
    blob = base64.b64decode(token)
    nonce, ct = blob[:12], blob[12:]
    return AESGCM(_key()).decrypt(nonce, ct, str(employee_id).encode()).decode()
