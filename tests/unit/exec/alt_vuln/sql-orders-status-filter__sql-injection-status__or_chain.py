import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/api/orders")
def list_orders(status: str = "", since: str = ""):
    statuses = [s.strip() for s in status.split(",") if s.strip()]
    where, params = [], []
    if statuses:
        where.append("(" + " OR ".join(f"status = '{s}'" for s in statuses) + ")")
    if since:
        where.append("placed >= ?")
        params.append(since)
    sql = "SELECT id, customer, status, total, placed FROM orders"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY placed DESC, id DESC"
    conn = sqlite3.connect("shop.db")
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()
