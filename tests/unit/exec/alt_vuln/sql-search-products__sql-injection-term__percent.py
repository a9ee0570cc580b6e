import sqlite3


def search_products(conn: sqlite3.Connection, term: str, sort_by: str) -> list[tuple]:
    column = sort_by if sort_by in ("name", "price", "created_at") else "name"
    sql = "SELECT * FROM products WHERE name LIKE '%%%s%%' ORDER BY %s" % (term, column)
    return conn.execute(sql).fetchall()
