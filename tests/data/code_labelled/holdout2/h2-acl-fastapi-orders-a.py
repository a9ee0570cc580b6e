# redline-label: {"label": "secure", "cwes": ["CWE-639", "CWE-863"], "task": null, "category": "access-control", "style": "fastapi-app"}
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from .deps import current_customer, db_session
from .models import Customer, Order

app = FastAPI()

DB = Annotated[AsyncSession, Depends(db_session)]
Me = Annotated[Customer, Depends(current_customer)]


async def load_own_order(order_id: int, me: Me, db: DB) -> Order:
    order = await db.scalar(select(Order).where(Order.id == order_id, Order.customer_id == me.id))
    if order is None:
        raise HTTPException(status_code=404, detail="order not found")
    return order


@app.get("/orders/{order_id}")
async def get_order(order: Annotated[Order, Depends(load_own_order)]):
    return {"id": order.id, "status": order.status, "total": str(order.total), "address": order.shipping_address}


@app.post("/orders/{order_id}/cancel")
async def cancel_order(order: Annotated[Order, Depends(load_own_order)], db: DB):
    if order.status not in ("pending", "paid"):
        raise HTTPException(status_code=409, detail="order can no longer be cancelled")
    order.status = "cancelled"
    await db.commit()
    return {"id": order.id, "status": order.status}
