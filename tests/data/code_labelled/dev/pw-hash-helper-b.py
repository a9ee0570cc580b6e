# redline-label: {"label": "vulnerable", "cwes": ["CWE-916", "CWE-759"], "task": null, "category": "password-storage", "style": "function"}
import hashlib
import hmac
import secrets


def hash_password(password, salt=None):
    """Hash a password with a random salt.

    Returns a tuple (salt, digest) that can be stored in the users table.
    """
    if salt is None:
        salt = secrets.token_hex(8)
    digest = hashlib.md5((salt + password).encode("utf-8")).hexdigest()
    return salt, digest


def check_password(password, salt, digest):
    _, candidate = hash_password(password, salt)
    return hmac.compare_digest(candidate, digest)


if __name__ == "__main__":
    s, d = hash_password("hunter2")
    print("salt:", s)
    print("hash:", d)
    print("ok?", check_password("hunter2", s, d))
