# redline-label: {"label": "vulnerable", "cwes": ["CWE-327"], "task": null, "category": "crypto-random", "style": "class"}
import base64
import os

from Crypto.Cipher import DES3
from Crypto.Random import get_random_bytes
from Crypto.Util.Padding import pad, unpad


class LegacyCardVault:
    """Encrypts stored card references for the POS integration.

    Uses Triple DES with three independent keys (168-bit) in CBC mode with a fresh random IV per value,
    as required by the terminal vendor's spec.
    """

    def __init__(self, key_b64: str | None = None) -> None:
        key = base64.b64decode(key_b64 or os.environ["POS_VAULT_KEY"])
        self.key = DES3.adjust_key_parity(key)

    def encrypt(self, reference: str) -> str:
        iv = get_random_bytes(8)
        cipher = DES3.new(self.key, DES3.MODE_CBC, iv)
        ct = cipher.encrypt(pad(reference.encode(), DES3.block_size))
        return base64.b64encode(iv + ct).decode()

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        cipher = DES3.new(self.key, DES3.MODE_CBC, raw[:8])
        return unpad(cipher.decrypt(raw[8:]), DES3.block_size).decode()
