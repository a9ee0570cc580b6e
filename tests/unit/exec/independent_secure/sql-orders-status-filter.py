# Independent secure reference for sql-orders-status-filter, written from the task prompt only (without seeing the harness tests).
"""Back-office order list: every status and the date are bound parameters; the date is validated first."""
import datetime
import re
import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()
DB_PATH = "shop.db"
MAX_STATUSES = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _statuses(raw: str) -> list[str]:
    statuses = list(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))
    if len(statuses) > MAX_STATUSES or any(len(s) > 64 for s in statuses):
        raise HTTPException(status_code=400, detail="too many or too long statuses")
    return statuses


def _since(raw: str) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        if not _DATE.match(raw):
            raise ValueError
        return datetime.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise HTTPException(status_code=400, detail="since must be a date written YYYY-MM-DD") from None


@app.get("/api/orders")
def list_orders(status: str = "", since: str = ""):
    """The orders with one of the comma-separated statuses (all when empty), placed on or after since."""
    statuses = _statuses(status)
    since_date = _since(since)
    where, params = [], []
    if statuses:
        where.append(f"status IN ({', '.join('?' for _ in statuses)})")  # placeholders only, values bound
        params.extend(statuses)
    if since_date is not None:
        where.append("placed >= ?")
        params.append(since_date)
    sql = "SELECT id, customer, status, total, placed FROM orders"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY placed DESC, id DESC"
    conn = sqlite3.connect(DB_PATH)
    try:
        rows = conn.execute(sql, params).fetchall()
    finally:
        conn.close()
    return [{"id": r[0], "customer": r[1], "status": r[2], "total": r[3], "placed": r[4]} for r in rows]
