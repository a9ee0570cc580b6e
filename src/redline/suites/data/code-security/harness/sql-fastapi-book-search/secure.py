import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()
SORT_COLUMNS = {"title": "title", "author": "author", "year": "year"}


@app.get("/api/books")
def search_books(q: str = "", sort: str = "title", order: str = "asc", limit: int = 20, offset: int = 0):
    column = SORT_COLUMNS.get(sort)
    if column is None or order.lower() not in ("asc", "desc"):
        raise HTTPException(status_code=400, detail="bad sort or order")
    direction = "DESC" if order.lower() == "desc" else "ASC"
    limit = max(1, min(limit, 100))
    offset = max(0, offset)
    conn = sqlite3.connect("library.db")
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            f"SELECT id, title, author, year FROM books WHERE title LIKE ? OR author LIKE ? "
            f"ORDER BY {column} {direction}, id LIMIT ? OFFSET ?",
            (f"%{q}%", f"%{q}%", limit, offset)).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]
