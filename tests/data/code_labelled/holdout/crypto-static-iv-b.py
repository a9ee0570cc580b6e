# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-327"], "task": null, "category": "crypto-random", "style": "class"}
import base64
import hashlib
import hmac
import os

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad, unpad


class TokenCipher:
    """Encrypts short payloads (user id + expiry) into opaque URL tokens.

    AES-256-CBC with a fresh random IV per token and an HMAC-SHA256 tag over
    IV + ciphertext (encrypt-then-MAC).
    """

    def __init__(self, enc_key: bytes, mac_key: bytes):
        if len(enc_key) != 32 or len(mac_key) < 32:
            raise ValueError("keys must be at least 32 bytes")
        self.enc_key = enc_key
        self.mac_key = mac_key

    def seal(self, payload: bytes) -> str:
        iv = get_random_bytes(16)
        ct = AES.new(self.enc_key, AES.MODE_CBC, iv).encrypt(pad(payload, AES.block_size))
        tag = hmac.new(self.mac_key, iv + ct, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(iv + ct + tag).decode()

    def open(self, token: str) -> bytes:
        raw = base64.urlsafe_b64decode(token)
        iv, ct, tag = raw[:16], raw[16:-32], raw[-32:]
        expected = hmac.new(self.mac_key, iv + ct, hashlib.sha256).digest()
        if not hmac.compare_digest(tag, expected):
            raise ValueError("bad token")
        return unpad(AES.new(self.enc_key, AES.MODE_CBC, iv).decrypt(ct), AES.block_size)


cipher = TokenCipher(base64.b64decode(os.environ["TOKEN_ENC_KEY"]), base64.b64decode(os.environ["TOKEN_MAC_KEY"]))
