# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-327"], "task": null, "category": "crypto-random", "style": "class"}
import base64
import hashlib
import hmac
import os

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad


class TokenCipher:
    """Encrypts short payloads (user id + expiry) into opaque URL tokens.

    AES-256-CBC with an HMAC-SHA256 tag over the ciphertext (encrypt-then-MAC).
    """

    IV = b"\x00" * 16  # fixed IV so the same payload always maps to the same token

    def __init__(self, enc_key: bytes, mac_key: bytes):
        if len(enc_key) != 32:
            raise ValueError("enc_key must be 32 bytes")
        self.enc_key = enc_key
        self.mac_key = mac_key

    def seal(self, payload: bytes) -> str:
        ct = AES.new(self.enc_key, AES.MODE_CBC, self.IV).encrypt(pad(payload, AES.block_size))
        tag = hmac.new(self.mac_key, ct, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(ct + tag).decode()

    def open(self, token: str) -> bytes:
        raw = base64.urlsafe_b64decode(token)
        ct, tag = raw[:-32], raw[-32:]
        if not hmac.compare_digest(tag, hmac.new(self.mac_key, ct, hashlib.sha256).digest()):
            raise ValueError("bad token")
        return unpad(AES.new(self.enc_key, AES.MODE_CBC, self.IV).decrypt(ct), AES.block_size)


cipher = TokenCipher(base64.b64decode(os.environ["TOKEN_ENC_KEY"]), base64.b64decode(os.environ["TOKEN_MAC_KEY"]))
