import base64
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_note(plaintext: str, key: bytes) -> bytes:
    """Encrypt a note for storage; decrypt_note(token, key) below returns the original text."""
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return base64.b64encode(iv + enc.update(data) + enc.finalize())


def decrypt_note(token: bytes, key: bytes) -> str:
    raw = base64.b64decode(token)
    dec = Cipher(algorithms.AES(key), modes.CBC(raw[:16])).decryptor()
    data = dec.update(raw[16:]) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("utf-8", "replace")
