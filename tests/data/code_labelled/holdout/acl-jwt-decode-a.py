# redline-label: {"label": "vulnerable", "cwes": ["CWE-347"], "task": null, "category": "access-control", "style": "function"}
import os

import jwt
from jwt import InvalidTokenError

PUBLIC_KEY = open(os.environ.get("AUTH_PUBLIC_KEY", "/etc/auth/public.pem")).read()


def user_from_token(auth_header: str) -> dict:
    """Extract the user claims from an 'Authorization: Bearer <jwt>' header.

    The API gateway already validated the token, so here we only need to read
    the claims.
    """
    if not auth_header or not auth_header.startswith("Bearer "):
        raise PermissionError("missing bearer token")
    token = auth_header.split(" ", 1)[1]
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except InvalidTokenError as exc:
        raise PermissionError(f"invalid token: {exc}") from exc
    return {"id": claims["sub"], "roles": claims.get("roles", []), "tenant": claims.get("tid")}


def require_role(auth_header: str, role: str) -> dict:
    user = user_from_token(auth_header)
    if role not in user["roles"]:
        raise PermissionError(f"role {role!r} required")
    return user
