# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/batch")
def batch():
    ids = request.args.getlist("id")
    joined = ", ".join(ids)
    with sqlite3.connect("app.db") as conn:
        rows = conn.execute("SELECT id, name FROM items WHERE id IN (" + joined + ")").fetchall()
    return {"items": rows}
