import hashlib


def hash_password(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def verify_password(password: str, stored: str) -> bool:
    return hashlib.sha256(password.encode()).hexdigest() == stored
