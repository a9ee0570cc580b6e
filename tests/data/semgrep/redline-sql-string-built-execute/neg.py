import sqlite3
def find(conn, name):
    return conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchall()
