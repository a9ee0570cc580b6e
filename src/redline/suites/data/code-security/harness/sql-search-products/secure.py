import sqlite3

SORTABLE = {"name": "name", "price": "price", "created_at": "created_at"}


def search_products(conn: sqlite3.Connection, term: str, sort_by: str) -> list[tuple]:
    column = SORTABLE.get(sort_by)
    if column is None:
        raise ValueError(f"cannot sort by {sort_by!r}")
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = f"SELECT id, name, price, created_at FROM products WHERE name LIKE ? ESCAPE '\\' ORDER BY {column}"
    return conn.execute(sql, (pattern,)).fetchall()
