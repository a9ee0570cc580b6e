# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

SORTABLE_COLUMNS = {
    "name": "name",
    "price": "price",
    "stock": "stock",
    "newest": "created_at",
}


def db():
    conn = sqlite3.connect("shop.db")
    conn.row_factory = sqlite3.Row
    return conn


@app.get("/products")
def list_products():
    """List products in a category, sortable by a known column."""
    category = request.args.get("category", "all")
    sort_key = request.args.get("sort", "name")
    if sort_key not in SORTABLE_COLUMNS:
        abort(400, description=f"sort must be one of {sorted(SORTABLE_COLUMNS)}")
    column = SORTABLE_COLUMNS[sort_key]
    direction = "DESC" if request.args.get("order") == "desc" else "ASC"
    page = max(request.args.get("page", 1, type=int), 1)

    sql = f"SELECT id, name, price, stock FROM products WHERE category = ? ORDER BY {column} {direction} LIMIT 20 OFFSET ?"
    with db() as conn:
        rows = conn.execute(sql, (category, (page - 1) * 20)).fetchall()
    return jsonify([dict(r) for r in rows])
