# Independent secure reference for crypto-encrypt-notes.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Encryption of members' private notes before they are stored in the database (AES-256-GCM)."""
import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE_BYTES = 12
_AAD = b"notes-v1"


def encrypt_note(plaintext: str, key: bytes) -> bytes:
    """Encrypt a note for storage; decrypt_note(token, key) below returns the original text.

    The token is a fresh random 96-bit nonce followed by the AES-GCM ciphertext and its authentication tag.
    """
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), _AAD)


def decrypt_note(token: bytes, key: bytes) -> str:
    """Decrypt a token from encrypt_note(); raises cryptography.exceptions.InvalidTag if it was tampered with."""
    if len(token) < _NONCE_BYTES + 16:
        raise ValueError("token too short")
    nonce, ciphertext = token[:_NONCE_BYTES], token[_NONCE_BYTES:]
    return AESGCM(key).decrypt(nonce, ciphertext, _AAD).decode("utf-8")


def generate_key() -> bytes:
    """A new 256-bit key, for setting up NOTES_ENCRYPTION_KEY once (store it base64-encoded in a secret store)."""
    return AESGCM.generate_key(bit_length=256)


def load_key() -> bytes:
    """How the app gets the key: from the NOTES_ENCRYPTION_KEY environment variable (base64), never from the code."""
    encoded = os.environ.get("NOTES_ENCRYPTION_KEY")
    if not encoded:
        raise RuntimeError("NOTES_ENCRYPTION_KEY is not set")
    key = base64.b64decode(encoded)
    if len(key) != 32:
        raise RuntimeError("NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded")
    return key
