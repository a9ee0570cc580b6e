import hashlib
import hmac

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_note(plaintext: str, key: bytes) -> bytes:
    """Encrypt a note for storage; decrypt_note(token, key) below returns the original text."""
    nonce = hashlib.sha256(key).digest()[:16]  # derived from the key: the same for every note
    enc = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()
    body = enc.update(plaintext.encode()) + enc.finalize()
    return body + hmac.new(key, body, hashlib.sha256).digest()


def decrypt_note(token: bytes, key: bytes) -> str:
    body, tag = token[:-32], token[-32:]
    if not hmac.compare_digest(tag, hmac.new(key, body, hashlib.sha256).digest()):
        raise ValueError("note was modified")
    nonce = hashlib.sha256(key).digest()[:16]
    dec = Cipher(algorithms.AES(key), modes.CTR(nonce)).decryptor()
    return (dec.update(body) + dec.finalize()).decode()
