# redline-label: {"label": "secure", "cwes": ["CWE-306", "CWE-862"], "task": null, "category": "access-control", "style": "fastapi-app"}
from fastapi import APIRouter, Depends, FastAPI, HTTPException, status
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .db import get_session
from .models import Order, User
from .security import get_current_user

app = FastAPI()
admin = APIRouter(prefix="/admin", tags=["admin"])


async def require_admin(user: User = Depends(get_current_user)) -> User:
    if not user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "admin only")
    return user


@admin.get("/stats")
async def stats(_: User = Depends(require_admin), db: AsyncSession = Depends(get_session)):
    users = await db.scalar(select(func.count(User.id)))
    orders = await db.scalar(select(func.count(Order.id)))
    revenue = await db.scalar(select(func.coalesce(func.sum(Order.total), 0)))
    return {"users": users, "orders": orders, "revenue": float(revenue)}


@admin.post("/users/{user_id}/disable")
async def disable_user(user_id: int, _: User = Depends(require_admin), db: AsyncSession = Depends(get_session)):
    user = await db.get(User, user_id)
    if user is None:
        raise HTTPException(404)
    user.active = False
    await db.commit()
    return {"id": user_id, "active": False}


app.include_router(admin)
