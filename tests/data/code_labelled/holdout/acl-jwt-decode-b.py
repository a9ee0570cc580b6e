# redline-label: {"label": "secure", "cwes": ["CWE-347"], "task": null, "category": "access-control", "style": "function"}
import os
from functools import lru_cache

import jwt
from jwt import InvalidTokenError

ISSUER = os.environ.get("AUTH_ISSUER", "https://auth.example.com/")
AUDIENCE = os.environ.get("AUTH_AUDIENCE", "orders-api")


@lru_cache(maxsize=1)
def _public_key() -> str:
    with open(os.environ.get("AUTH_PUBLIC_KEY", "/etc/auth/public.pem")) as fh:
        return fh.read()


def user_from_token(auth_header: str) -> dict:
    """Validate the bearer JWT (signature, expiry, issuer, audience) and return its claims."""
    if not auth_header or not auth_header.startswith("Bearer "):
        raise PermissionError("missing bearer token")
    token = auth_header.split(" ", 1)[1]
    try:
        claims = jwt.decode(
            token,
            _public_key(),
            algorithms=["RS256"],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "sub", "iss", "aud"]},
        )
    except InvalidTokenError as exc:
        raise PermissionError(f"invalid token: {exc}") from exc
    return {"id": claims["sub"], "roles": claims.get("roles", []), "tenant": claims.get("tid")}


def require_role(auth_header: str, role: str) -> dict:
    user = user_from_token(auth_header)
    if role not in user["roles"]:
        raise PermissionError(f"role {role!r} required")
    return user
