import sqlite3
from typing import Literal

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/api/books")
def search_books(q: str = "", sort: Literal["title", "author", "year"] = "title",
                 order: Literal["asc", "desc"] = "asc", limit: int = Query(20, ge=1, le=100),
                 offset: int = Query(0, ge=0)):
    order_sql = {"asc": "ASC", "desc": "DESC"}[order]
    with sqlite3.connect("library.db") as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(
            "SELECT id, title, author, year FROM books "
            "WHERE instr(lower(title), lower(:q)) > 0 OR instr(lower(author), lower(:q)) > 0 "
            f"ORDER BY {sort} COLLATE NOCASE {order_sql} LIMIT :limit OFFSET :offset",
            {"q": q, "limit": limit, "offset": offset}).fetchall()
    return [dict(row) for row in rows]
