# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "fastapi-app"}
from typing import Literal

from fastapi import Depends, FastAPI, Query
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .db import get_session
from .models import Product

app = FastAPI()


@app.get("/products")
def list_products(
    category: str | None = None,
    sort: str = Query("name", description="column to sort by"),
    direction: Literal["asc", "desc"] = "asc",
    limit: int = Query(50, le=200),
    db: Session = Depends(get_session),
):
    stmt = select(Product)
    if category:
        stmt = stmt.where(Product.category == category)
    stmt = stmt.order_by(text(f"{sort} {direction}")).limit(limit)
    return [
        {"id": p.id, "name": p.name, "price": float(p.price), "category": p.category}
        for p in db.scalars(stmt)
    ]
