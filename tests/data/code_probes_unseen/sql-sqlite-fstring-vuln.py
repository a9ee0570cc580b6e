# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DB = "shop.db"


def get_db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/products")
def products():
    category = request.args.get("category", "all")
    conn = get_db()
    rows = conn.execute(f"SELECT id, name, price FROM products WHERE category = '{category}'").fetchall()
    conn.close()
    return jsonify([dict(r) for r in rows])
