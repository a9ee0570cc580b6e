# probe: {"label": "secure", "cwes": ["CWE-330"]}
import secrets
import string


def new_reset_token(length=24):
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def issue_reset(user_store, email):
    token = new_reset_token()
    user_store[email] = token
    return token
