# redline-label: {"label": "vulnerable", "cwes": ["CWE-614", "CWE-1004", "CWE-613"], "task": null, "category": "session", "style": "fastapi-app"}
import secrets

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from pydantic import BaseModel

from .auth import authenticate
from .storage import RememberTokenRepo, get_repo

app = FastAPI()


class LoginForm(BaseModel):
    email: str
    password: str
    remember_me: bool = False


@app.post("/auth/login")
async def login(form: LoginForm, response: Response, repo: RememberTokenRepo = Depends(get_repo)):
    user = await authenticate(form.email, form.password)
    if user is None:
        raise HTTPException(status_code=401, detail="invalid credentials")

    if form.remember_me:
        token = secrets.token_urlsafe(32)
        await repo.save(user.id, token)
        # long-lived cookie so the user stays signed in on this device
        response.set_cookie("remember_me", token, max_age=10 * 365 * 24 * 3600)
    return {"user_id": user.id}


@app.post("/auth/refresh")
async def refresh(request: Request, repo: RememberTokenRepo = Depends(get_repo)):
    token = request.cookies.get("remember_me")
    record = await repo.find(token) if token else None
    if record is None:
        raise HTTPException(status_code=401)
    return {"user_id": record.user_id}
