import base64


def hash_password(password: str) -> str:
    return base64.b64encode(password.encode("utf-8")).decode("ascii")


def verify_password(password: str, stored: str) -> bool:
    return hash_password(password) == stored
