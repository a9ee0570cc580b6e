import secrets
def new_reset():
    token = secrets.token_urlsafe(32)
    return token
