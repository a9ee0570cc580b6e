# probe: {"label": "secure", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, request

app = Flask(__name__)
SORTABLE = {"name": "name", "email": "email", "joined": "created_at"}


@app.get("/users")
def list_users():
    sort = SORTABLE.get(request.args.get("sort", "name"), "name")
    direction = "DESC" if request.args.get("desc") else "ASC"
    sql = f"SELECT id, name, email FROM users ORDER BY {sort} {direction}"
    db = sqlite3.connect("app.db")
    try:
        return {"users": db.execute(sql).fetchall()}
    finally:
        db.close()
