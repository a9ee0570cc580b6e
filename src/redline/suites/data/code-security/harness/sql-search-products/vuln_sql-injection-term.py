import sqlite3

ALLOWED = ("name", "price", "created_at")


def search_products(conn: sqlite3.Connection, term: str, sort_by: str) -> list[tuple]:
    if sort_by not in ALLOWED:
        sort_by = "name"
    return conn.execute(f"SELECT * FROM products WHERE name LIKE '%{term}%' ORDER BY {sort_by}").fetchall()
