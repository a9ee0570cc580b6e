# redline-label: {"label": "vulnerable", "cwes": ["CWE-639", "CWE-863"], "task": null, "category": "access-control", "style": "fastapi-app"}
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from .deps import current_customer, db_session
from .models import Customer, Order

app = FastAPI()

DB = Annotated[AsyncSession, Depends(db_session)]
Me = Annotated[Customer, Depends(current_customer)]


async def load_order(order_id: int, db: DB) -> Order:
    order = await db.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="order not found")
    return order


@app.get("/orders/{order_id}")
async def get_order(me: Me, order: Annotated[Order, Depends(load_order)]):
    return {"id": order.id, "status": order.status, "total": str(order.total), "address": order.shipping_address}


@app.post("/orders/{order_id}/cancel")
async def cancel_order(me: Me, order: Annotated[Order, Depends(load_order)], db: DB):
    if order.status not in ("pending", "paid"):
        raise HTTPException(status_code=409, detail="order can no longer be cancelled")
    order.status = "cancelled"
    order.cancelled_by = me.id
    await db.commit()
    return {"id": order.id, "status": order.status}
