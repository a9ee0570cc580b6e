# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "fastapi-app"}
import hashlib
import random
from datetime import datetime, timedelta

from fastapi import Depends, FastAPI, HTTPException

from .deps import current_admin, get_db

app = FastAPI()
INVITE_BASE = "https://community.example.org/join"


def make_invite_code() -> str:
    seed = f"{random.random()}-{datetime.utcnow().timestamp()}"
    return hashlib.sha1(seed.encode()).hexdigest()[:20]


@app.post("/groups/{group_id}/invites")
async def create_invite(group_id: int, admin=Depends(current_admin), db=Depends(get_db)):
    code = make_invite_code()
    await db.execute(
        "INSERT INTO invites (code, group_id, created_by, expires_at) VALUES ($1, $2, $3, $4)",
        code, group_id, admin.id, datetime.utcnow() + timedelta(days=7),
    )
    return {"invite_url": f"{INVITE_BASE}/{code}"}


@app.get("/join/{code}")
async def accept_invite(code: str, db=Depends(get_db)):
    row = await db.fetchrow("SELECT group_id, expires_at FROM invites WHERE code = $1", code)
    if row is None or row["expires_at"] < datetime.utcnow():
        raise HTTPException(404, "invite not found or expired")
    return {"group_id": row["group_id"]}
