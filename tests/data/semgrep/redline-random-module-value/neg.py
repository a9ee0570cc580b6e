import secrets


def new_reset_code() -> str:
    return secrets.token_urlsafe(16)
