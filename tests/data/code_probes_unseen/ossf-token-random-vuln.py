# probe: {"label": "vulnerable", "cwes": ["CWE-330"]}
import random
import string


def new_reset_token(length=24):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))


def issue_reset(user_store, email):
    token = new_reset_token()
    user_store[email] = token
    return token
