# redline-label: {"label": "vulnerable", "cwes": ["CWE-613"], "task": null, "category": "session", "style": "function"}
import os
from datetime import datetime, timezone

import jwt

SECRET = os.getenv("JWT_SECRET")
ALGO = "HS256"


def create_access_token(user_id, roles):
    """Create a JWT the mobile app sends in the Authorization header."""
    payload = {
        "sub": str(user_id),
        "roles": roles,
        "iat": datetime.now(timezone.utc),
    }
    return jwt.encode(payload, SECRET, algorithm=ALGO)


def decode_access_token(token):
    return jwt.decode(token, SECRET, algorithms=[ALGO])


if __name__ == "__main__":
    t = create_access_token(1, ["user"])
    print(t)
    print(decode_access_token(t))
