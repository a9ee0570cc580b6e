import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/api/books")
def search_books(q: str = "", sort: str = "title", order: str = "asc", limit: int = 20, offset: int = 0):
    if sort not in ("title", "author", "year"):
        raise HTTPException(status_code=400, detail="unknown sort column")
    conn = sqlite3.connect("library.db")
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        f"SELECT id, title, author, year FROM books WHERE title LIKE ? OR author LIKE ? ORDER BY {sort} {order.upper()} "
        "LIMIT ? OFFSET ?", (f"%{q}%", f"%{q}%", limit, offset)).fetchall()
    conn.close()
    return [dict(r) for r in rows]
