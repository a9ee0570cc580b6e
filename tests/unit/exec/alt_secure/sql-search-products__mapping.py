import sqlite3

_ORDER = {"name": "name COLLATE NOCASE", "price": "price", "created_at": "created_at"}


def search_products(conn: sqlite3.Connection, term: str, sort_by: str) -> list[tuple]:
    order = _ORDER.get(sort_by, "name COLLATE NOCASE")
    query = "SELECT id, name, price, created_at FROM products WHERE instr(lower(name), lower(?)) > 0 ORDER BY " + order
    return [tuple(r) for r in conn.execute(query, (term,))]
