import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/api/books")
def search_books(q: str = "", sort: str = "title", order: str = "asc", limit: int = 20, offset: int = 0):
    if sort not in ("title", "author", "year") or order not in ("asc", "desc"):
        raise HTTPException(status_code=400, detail="bad sort")
    conn = sqlite3.connect("library.db")
    sql = (f"SELECT id, title, author, year FROM books WHERE title LIKE '%{q}%' OR author LIKE '%{q}%' "
           f"ORDER BY {sort} {order} LIMIT {int(limit)} OFFSET {int(offset)}")
    books = [{"id": r[0], "title": r[1], "author": r[2], "year": r[3]} for r in conn.execute(sql).fetchall()]
    conn.close()
    return books
