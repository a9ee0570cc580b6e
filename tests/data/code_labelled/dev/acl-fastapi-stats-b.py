# redline-label: {"label": "vulnerable", "cwes": ["CWE-306", "CWE-862"], "task": null, "category": "access-control", "style": "fastapi-app"}
from fastapi import APIRouter, Depends, FastAPI, HTTPException
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .db import get_session
from .models import Order, User
from .security import get_current_user

app = FastAPI()
admin = APIRouter(prefix="/admin", tags=["admin"])


@app.get("/me")
async def me(user: User = Depends(get_current_user)):
    return {"id": user.id, "email": user.email}


@admin.get("/stats")
async def stats(db: AsyncSession = Depends(get_session)):
    """Dashboard numbers for the internal admin UI."""
    users = await db.scalar(select(func.count(User.id)))
    orders = await db.scalar(select(func.count(Order.id)))
    revenue = await db.scalar(select(func.coalesce(func.sum(Order.total), 0)))
    return {"users": users, "orders": orders, "revenue": float(revenue)}


@admin.post("/users/{user_id}/disable")
async def disable_user(user_id: int, db: AsyncSession = Depends(get_session)):
    user = await db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="user not found")
    user.active = False
    await db.commit()
    return {"id": user_id, "active": False}


app.include_router(admin)
