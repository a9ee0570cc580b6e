import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/api/books")
def search_books(q: str = "", sort: str = "title", order: str = "asc", limit: int = 20, offset: int = 0):
    conn = sqlite3.connect("library.db")
    cur = conn.execute(
        f"SELECT id, title, author, year FROM books WHERE title LIKE ? OR author LIKE ? ORDER BY {sort} {order} "
        "LIMIT ? OFFSET ?", (f"%{q}%", f"%{q}%", limit, offset))
    books = [{"id": r[0], "title": r[1], "author": r[2], "year": r[3]} for r in cur.fetchall()]
    conn.close()
    return books
