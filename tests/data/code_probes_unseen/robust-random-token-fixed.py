# probe: {"label": "secure", "cwes": ["CWE-338"]}
import secrets
import string


def reset_token(length=24):
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))
