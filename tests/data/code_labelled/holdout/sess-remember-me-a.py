# redline-label: {"label": "secure", "cwes": ["CWE-614", "CWE-1004", "CWE-613"], "task": null, "category": "session", "style": "fastapi-app"}
import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from pydantic import BaseModel

from .auth import authenticate  # returns a user object or None
from .storage import RememberTokenRepo, get_repo

app = FastAPI()
REMEMBER_DAYS = 30


class LoginForm(BaseModel):
    email: str
    password: str
    remember_me: bool = False


@app.post("/auth/login")
async def login(form: LoginForm, response: Response, repo: RememberTokenRepo = Depends(get_repo)):
    user = await authenticate(form.email, form.password)
    if user is None:
        raise HTTPException(401, "invalid credentials")

    if form.remember_me:
        token = secrets.token_urlsafe(32)
        expires = datetime.now(timezone.utc) + timedelta(days=REMEMBER_DAYS)
        # only a hash of the token is persisted
        await repo.save(user.id, hashlib.sha256(token.encode()).hexdigest(), expires)
        response.set_cookie(
            "remember_me",
            token,
            expires=expires,
            secure=True,
            httponly=True,
            samesite="strict",
            path="/auth",
        )
    return {"user_id": user.id}


@app.post("/auth/refresh")
async def refresh(request: Request, repo: RememberTokenRepo = Depends(get_repo)):
    token = request.cookies.get("remember_me")
    if not token:
        raise HTTPException(401)
    record = await repo.find(hashlib.sha256(token.encode()).hexdigest())
    if record is None or record.expires < datetime.now(timezone.utc):
        raise HTTPException(401)
    return {"user_id": record.user_id}
