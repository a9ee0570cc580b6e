# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.get("/users")
def list_users():
    sort = request.args.get("sort", "name")
    direction = "DESC" if request.args.get("desc") else "ASC"
    sql = f"SELECT id, name, email FROM users ORDER BY {sort} {direction}"
    db = sqlite3.connect("app.db")
    try:
        return {"users": db.execute(sql).fetchall()}
    finally:
        db.close()
