# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
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
    ids = request.args.getlist("id")[:100]
    if not ids:
        return jsonify([])
    placeholders = ", ".join(["%s"] * len(ids))
    query = f"SELECT id, sku, name, qty FROM items WHERE id IN ({placeholders})"
    conn = get_conn()
    try:
        cur = conn.cursor(dictionary=True)
        cur.execute(query, tuple(ids))
        return jsonify(cur.fetchall())
    finally:
        conn.close()
