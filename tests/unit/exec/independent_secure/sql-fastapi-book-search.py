# Independent secure reference for sql-fastapi-book-search, written from the task prompt only (without seeing the harness tests).
"""Catalogue search API: sort column and direction come from allow-lists, everything else is a bound parameter."""
import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()
DB_PATH = "library.db"
MAX_LIMIT = 100
# Client-chosen names map to fixed SQL fragments; nothing the client sends is pasted into the statement.
SORT_COLUMNS = {"title": "title", "author": "author", "year": "year"}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` literally anywhere (%, _ and the escape character lose their meaning)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@app.get("/api/books")
def search_books(q: str = "", sort: str = "title", order: str = "asc", limit: int = 20, offset: int = 0):
    """One page of the books whose title or author contains q, sorted by `sort` in the `order` direction."""
    column = SORT_COLUMNS.get(sort.strip().lower())
    direction = DIRECTIONS.get(order.strip().lower())
    if column is None:
        raise HTTPException(status_code=400, detail="sort must be one of: title, author, year")
    if direction is None:
        raise HTTPException(status_code=400, detail="order must be asc or desc")
    if limit < 0 or offset < 0:
        raise HTTPException(status_code=400, detail="limit and offset must not be negative")
    if len(q) > 200:
        raise HTTPException(status_code=400, detail="the search text is too long")
    limit = min(limit, MAX_LIMIT)
    sql = (
        "SELECT id, title, author, year FROM books"
        " WHERE title LIKE ? ESCAPE '\\' OR author LIKE ? ESCAPE '\\'"
        f" ORDER BY {column} {direction}, id ASC LIMIT ? OFFSET ?"
    )
    pattern = _like_pattern(q)
    conn = sqlite3.connect(DB_PATH)
    try:
        rows = conn.execute(sql, (pattern, pattern, limit, offset)).fetchall()
    finally:
        conn.close()
    return [{"id": r[0], "title": r[1], "author": r[2], "year": r[3]} for r in rows]
