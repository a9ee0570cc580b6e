import os

from fastapi import FastAPI, HTTPException, Request, Response
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from .users import verify_user

app = FastAPI()
_ser = URLSafeTimedSerializer(os.environ.get("SECRET_KEY", "dev"), salt="session")
MAX_AGE = 8 * 3600


@app.post("/login")
def login(username: str, password: str, response: Response):
    uid = verify_user(username, password)
    if uid is None:
        raise HTTPException(401)
    response.set_cookie("session", _ser.dumps({"uid": uid}), max_age=MAX_AGE, httponly=True, secure=True)
    return {"ok": True}


def current_user(request: Request) -> int:
    try:
        return _ser.loads(request.cookies.get("session", ""), max_age=MAX_AGE)["uid"]
    except (BadSignature, SignatureExpired):
        raise HTTPException(401)
