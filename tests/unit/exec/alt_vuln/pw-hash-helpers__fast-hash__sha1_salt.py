import hashlib
import os


def hash_password(password: str) -> str:
    salt = os.urandom(8).hex()
    return "sha1$" + salt + "$" + hashlib.sha1((password + salt).encode()).hexdigest()


def verify_password(password: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    return hashlib.sha1((password + salt).encode()).hexdigest() == digest
