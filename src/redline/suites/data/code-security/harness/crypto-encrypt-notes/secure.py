import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def encrypt_note(plaintext: str, key: bytes) -> bytes:
    """Encrypt a note for storage; decrypt_note(token, key) below returns the original text."""
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), None)


def decrypt_note(token: bytes, key: bytes) -> str:
    return AESGCM(key).decrypt(token[:12], token[12:], None).decode("utf-8")


def load_key() -> bytes:
    """The app's key: 32 bytes, base64 in the NOTES_KEY environment variable."""
    import base64
    return base64.b64decode(os.environ["NOTES_KEY"])
