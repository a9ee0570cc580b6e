# probe: {"label": "vulnerable", "cwes": ["CWE-338"]}
import random
import string


def reset_token(length=24):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))
