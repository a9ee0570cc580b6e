# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def db():
    conn = sqlite3.connect("shop.db")
    conn.row_factory = sqlite3.Row
    return conn


@app.get("/products")
def list_products():
    """List products in a category, sortable by any column.

    Query params: category, sort (column name), order (asc|desc), page
    """
    category = request.args.get("category", "all")
    sort = request.args.get("sort", "name")
    order = "DESC" if request.args.get("order", "asc").lower() == "desc" else "ASC"
    page = max(int(request.args.get("page", 1)), 1)

    # column names cannot be bound as parameters, so the sort column is formatted in;
    # all values still go through placeholders
    sql = f"SELECT id, name, price, stock FROM products WHERE category = ? ORDER BY {sort} {order} LIMIT 20 OFFSET ?"
    with db() as conn:
        rows = conn.execute(sql, (category, (page - 1) * 20)).fetchall()
    return jsonify([dict(r) for r in rows])
