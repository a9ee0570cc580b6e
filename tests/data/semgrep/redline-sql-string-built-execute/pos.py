import sqlite3
def find(conn, name):
    query = f"SELECT id FROM users WHERE name = '{name}'"
    return conn.execute(query).fetchall()
