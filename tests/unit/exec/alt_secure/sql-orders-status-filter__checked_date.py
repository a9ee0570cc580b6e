import sqlite3
from datetime import date

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/api/orders")
def list_orders(status: str = "", since: str = ""):
    statuses = [s for s in (part.strip() for part in status.split(",")) if s]
    clauses, args = [], []
    if statuses:
        clauses.append("(" + " OR ".join("status = ?" for _ in statuses) + ")")
        args.extend(statuses)
    if since:
        try:
            args.append(date.fromisoformat(since).isoformat())
        except ValueError:
            raise HTTPException(status_code=422, detail="since must be YYYY-MM-DD") from None
        clauses.append("placed >= ?")
    query = "SELECT id, customer, status, total, placed FROM orders"
    if clauses:
        query += " WHERE " + " AND ".join(clauses)
    with sqlite3.connect("shop.db") as conn:
        rows = conn.execute(query + " ORDER BY placed DESC", args).fetchall()
    return [{"id": r[0], "customer": r[1], "status": r[2], "total": r[3], "placed": r[4]} for r in rows]
