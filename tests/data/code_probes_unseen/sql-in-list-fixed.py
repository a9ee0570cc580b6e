# probe: {"label": "secure", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/batch")
def batch():
    ids = request.args.getlist("id")
    marks = ", ".join("?" for _ in ids)
    with sqlite3.connect("app.db") as conn:
        rows = conn.execute("SELECT id, name FROM items WHERE id IN (" + marks + ")", ids).fetchall()
    return {"items": rows}
