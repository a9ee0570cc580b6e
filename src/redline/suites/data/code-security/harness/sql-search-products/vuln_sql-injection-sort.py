import sqlite3


def search_products(conn: sqlite3.Connection, term: str, sort_by: str) -> list[tuple]:
    cur = conn.cursor()
    cur.execute("SELECT name, price FROM products WHERE instr(lower(name), lower(?)) > 0 ORDER BY " + sort_by, (term,))
    return cur.fetchall()
