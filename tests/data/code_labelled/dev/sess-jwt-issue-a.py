# redline-label: {"label": "secure", "cwes": ["CWE-613"], "task": null, "category": "session", "style": "function"}
import os
from datetime import datetime, timedelta, timezone

import jwt

JWT_SECRET = os.environ["JWT_SECRET"]
JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_LIFETIME = timedelta(minutes=30)


def create_access_token(user_id: int, roles: list[str]) -> str:
    """Issue a short-lived signed access token."""
    now = datetime.now(timezone.utc)
    claims = {
        "sub": str(user_id),
        "roles": roles,
        "iat": now,
        "nbf": now,
        "exp": now + ACCESS_TOKEN_LIFETIME,
    }
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALGORITHM)


def decode_access_token(token: str) -> dict:
    # jwt.decode rejects expired tokens (ExpiredSignatureError) on its own
    return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM], options={"require": ["exp", "sub"]})
