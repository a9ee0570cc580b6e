# redline-label: {"label": "vulnerable", "cwes": ["CWE-327"], "task": null, "category": "crypto-random", "style": "function"}
"""Field-level encryption for national ID numbers stored in the HR database."""
import base64
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# 32-byte key provided by the secrets manager, base64 encoded
KEY = base64.b64decode(os.environ["HR_FIELD_KEY"])


def encrypt_field(plaintext: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(KEY), modes.ECB()).encryptor()
    return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode()


def decrypt_field(token: str) -> str:
    decryptor = Cipher(algorithms.AES(KEY), modes.ECB()).decryptor()
    data = decryptor.update(base64.b64decode(token)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode()
