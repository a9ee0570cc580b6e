# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "session", "style": "function"}
import random
import string
import time

TOKEN_LENGTH = 40
_ALPHABET = string.ascii_letters + string.digits


def new_session_token(user_id: int) -> str:
    """Create an opaque session token for `user_id`.

    The token is long enough that collisions are practically impossible.
    """
    random.seed(time.time_ns() ^ user_id)
    return "".join(random.choice(_ALPHABET) for _ in range(TOKEN_LENGTH))


def new_session(user_id: int, ttl_seconds: int = 3600) -> dict:
    return {
        "token": new_session_token(user_id),
        "user_id": user_id,
        "expires_at": int(time.time()) + ttl_seconds,
    }


if __name__ == "__main__":
    print(new_session(42))
