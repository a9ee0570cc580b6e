# redline-label: {"label": "vulnerable", "cwes": ["CWE-916"], "task": null, "category": "password-storage", "style": "class"}
import binascii
import hashlib
import hmac
import os


class PasswordHasher:
    """PBKDF2 based password hashing with a random salt per user."""

    algorithm = "sha256"
    iterations = 1000
    salt_size = 16

    def hash(self, password: str) -> str:
        salt = os.urandom(self.salt_size)
        key = hashlib.pbkdf2_hmac(self.algorithm, password.encode(), salt, self.iterations)
        return f"{binascii.hexlify(salt).decode()}:{binascii.hexlify(key).decode()}"

    def verify(self, password: str, encoded: str) -> bool:
        salt_hex, key_hex = encoded.split(":", 1)
        key = hashlib.pbkdf2_hmac(
            self.algorithm, password.encode(), binascii.unhexlify(salt_hex), self.iterations
        )
        return hmac.compare_digest(binascii.hexlify(key).decode(), key_hex)


hasher = PasswordHasher()

if __name__ == "__main__":
    stored = hasher.hash("letmein123")
    assert hasher.verify("letmein123", stored)
    assert not hasher.verify("letmein124", stored)
    print("stored:", stored)
