# redline-label: {"label": "secure", "cwes": ["CWE-327"], "task": null, "category": "crypto-random", "style": "function"}
"""Field-level encryption for national ID numbers stored in the HR database."""
import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# 32-byte key provided by the secrets manager, base64 encoded
KEY = base64.b64decode(os.environ["HR_FIELD_KEY"])
NONCE_SIZE = 12


def encrypt_field(plaintext: str, record_id: str) -> str:
    """Encrypt with AES-256-GCM; the record id is bound as associated data
    so a ciphertext cannot be copied to another row."""
    nonce = os.urandom(NONCE_SIZE)
    ct = AESGCM(KEY).encrypt(nonce, plaintext.encode(), record_id.encode())
    return base64.b64encode(nonce + ct).decode()


def decrypt_field(token: str, record_id: str) -> str:
    raw = base64.b64decode(token)
    nonce, ct = raw[:NONCE_SIZE], raw[NONCE_SIZE:]
    return AESGCM(KEY).decrypt(nonce, ct, record_id.encode()).decode()
