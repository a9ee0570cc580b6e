# redline-label: {"label": "vulnerable", "cwes": ["CWE-862", "CWE-285"], "task": null, "category": "access-control", "style": "fastapi-app"}
from fastapi import APIRouter, Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from .auth import get_current_user
from .db import get_db
from .models import User

# every admin endpoint requires a valid bearer token
admin = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(get_current_user)])


@admin.get("/users")
def list_users(db: Session = Depends(get_db)):
    return [{"id": u.id, "email": u.email, "active": u.active} for u in db.query(User).limit(500)]


@admin.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: int, db: Session = Depends(get_db)):
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    db.delete(user)
    db.commit()


@admin.post("/users/{user_id}/deactivate")
def deactivate_user(user_id: int, db: Session = Depends(get_db)):
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    user.active = False
    db.commit()
    return {"id": user.id, "active": user.active}


app = FastAPI()
app.include_router(admin)
