# redline-label: {"label": "secure", "cwes": ["CWE-916", "CWE-759"], "task": null, "category": "password-storage", "style": "function"}
import base64
import hashlib
import hmac
import os

ITERATIONS = 600_000
SALT_BYTES = 16


def hash_password(password: str) -> str:
    """Return a self-describing PBKDF2-SHA256 hash string.

    Format: pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>
    """
    salt = os.urandom(SALT_BYTES)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS)
    return "pbkdf2_sha256${}${}${}".format(
        ITERATIONS,
        base64.b64encode(salt).decode("ascii"),
        base64.b64encode(dk).decode("ascii"),
    )


def verify_password(password: str, stored: str) -> bool:
    """Check a password against a string produced by hash_password."""
    try:
        algorithm, iterations, salt_b64, hash_b64 = stored.split("$")
    except ValueError:
        return False
    if algorithm != "pbkdf2_sha256":
        return False
    salt = base64.b64decode(salt_b64)
    expected = base64.b64decode(hash_b64)
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, int(iterations))
    return hmac.compare_digest(candidate, expected)


if __name__ == "__main__":
    h = hash_password("correct horse battery staple")
    print(h)
    print(verify_password("correct horse battery staple", h))
    print(verify_password("wrong", h))
