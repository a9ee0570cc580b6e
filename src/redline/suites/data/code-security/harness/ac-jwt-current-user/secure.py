import os

import jwt
from fastapi import Depends, HTTPException, Request


def get_current_user(request: Request) -> str:
    auth = request.headers.get("Authorization", "")
    scheme, _, tok = auth.partition(" ")
    if scheme.lower() != "bearer" or not tok:
        raise HTTPException(status_code=401, detail="missing bearer token",
                            headers={"WWW-Authenticate": "Bearer"})
    try:
        claims = jwt.decode(tok, os.environ["JWT_SECRET"], algorithms=["HS256"],
                            options={"require": ["sub", "exp"]})
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token", headers={"WWW-Authenticate": "Bearer"})
    return str(claims["sub"])
