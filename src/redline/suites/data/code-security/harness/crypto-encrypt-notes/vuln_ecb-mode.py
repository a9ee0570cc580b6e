import os

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad


def encrypt_note(plaintext: str, key: bytes) -> bytes:
    """Encrypt a note for storage; decrypt_note(token, key) below returns the original text."""
    return AES.new(key, AES.MODE_ECB).encrypt(pad(plaintext.encode(), AES.block_size))


def decrypt_note(token: bytes, key: bytes) -> str:
    return unpad(AES.new(key, AES.MODE_ECB).decrypt(token), AES.block_size).decode()


NOTES_KEY = os.environ.get("NOTES_KEY", "").encode()
