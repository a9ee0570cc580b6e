# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
from flask import Flask, jsonify, request
import mysql.connector
import os

app = Flask(__name__)


def get_conn():
    return mysql.connector.connect(
        host=os.environ.get("DB_HOST", "localhost"),
        user=os.environ["DB_USER"],
        password=os.environ["DB_PASSWORD"],
        database="inventory",
    )


@app.route("/items/batch")
def items_batch():
    # /items/batch?id=3&id=7&id=12
    ids = request.args.getlist("id")
    if not ids:
        return jsonify([])
    conn = get_conn()
    cur = conn.cursor(dictionary=True)
    cur.execute("SELECT id, sku, name, qty FROM items WHERE id IN (%s)" % ", ".join(ids))
    rows = cur.fetchall()
    cur.close()
    conn.close()
    return jsonify(rows)
