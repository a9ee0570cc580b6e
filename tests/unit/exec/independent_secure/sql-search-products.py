# Independent secure reference for sql-search-products.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import sqlite3

# The ORDER BY column cannot be a bound parameter, so it comes from this fixed map, never from the input itself.
SORT_COLUMNS = {"name": "name", "price": "price", "created_at": "created_at"}


def search_products(conn: sqlite3.Connection, term: str, sort_by: str) -> list[tuple]:
    """Products whose name contains `term`, ordered by the column named in `sort_by`."""
    column = SORT_COLUMNS.get(sort_by)
    if column is None:
        raise ValueError(f"cannot sort by {sort_by!r}; choose one of {', '.join(SORT_COLUMNS)}")
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    cur = conn.execute(
        f"SELECT id, name, price, created_at FROM products WHERE name LIKE ? ESCAPE '\\' ORDER BY {column}",
        (pattern,),
    )
    return [tuple(row) for row in cur.fetchall()]
