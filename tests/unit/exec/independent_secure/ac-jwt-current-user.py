# Independent secure reference for ac-jwt-current-user.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os

import jwt
from fastapi import Depends, HTTPException, Request  # noqa: F401  (Depends: used as Depends(get_current_user))

_UNAUTHORIZED = {"status_code": 401, "detail": "Not authenticated", "headers": {"WWW-Authenticate": "Bearer"}}


def _secret() -> str:
    secret = os.environ.get("JWT_SECRET")
    if not secret:
        raise HTTPException(**_UNAUTHORIZED)  # never fall back to a default key
    return secret


def get_current_user(request: Request) -> str:
    """User id from the `sub` claim of the bearer JWT issued by our auth service.

    The signature is checked with HS256 only (no 'none', no algorithm from the token), and exp, iat and sub
    must be present; exp is enforced.
    """
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(**_UNAUTHORIZED)
    try:
        claims = jwt.decode(
            token.strip(),
            _secret(),
            algorithms=["HS256"],
            options={"require": ["sub", "iat", "exp"], "verify_signature": True, "verify_exp": True},
        )
    except jwt.PyJWTError:
        raise HTTPException(**_UNAUTHORIZED) from None
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise HTTPException(**_UNAUTHORIZED)
    return sub
