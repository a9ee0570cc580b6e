# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "fastapi-app"}
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import get_session
from .models import Product

app = FastAPI()

SORTABLE = {
    "name": Product.name,
    "price": Product.price,
    "created": Product.created_at,
    "rating": Product.avg_rating,
}


@app.get("/products")
def list_products(
    category: str | None = None,
    sort: str = Query("name", description="one of: name, price, created, rating"),
    direction: Literal["asc", "desc"] = "asc",
    limit: int = Query(50, le=200),
    db: Session = Depends(get_session),
):
    column = SORTABLE.get(sort)
    if column is None:
        raise HTTPException(status_code=400, detail=f"cannot sort by {sort!r}")
    stmt = select(Product)
    if category:
        stmt = stmt.where(Product.category == category)
    stmt = stmt.order_by(column.desc() if direction == "desc" else column.asc()).limit(limit)
    return [
        {"id": p.id, "name": p.name, "price": float(p.price), "category": p.category}
        for p in db.scalars(stmt)
    ]
