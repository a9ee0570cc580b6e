"""Internal orders dashboard: filterable order list and an admin CSV export.

Pages: / (filter by customer name, status, date range; sort by any column), /admin/export (CSV download).
Data: PostgreSQL database shop on db.internal (psycopg2). Exports go to /srv/exports.
"""
import csv
import hmac
import os

import psycopg2
from flask import Flask, Response, render_template_string, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
EXPORT_DIR = "/srv/exports"
COLUMNS = ("id", "customer_name", "status", "total", "created_at")

PAGE = """<!doctype html><title>Orders</title>
<form><input name="customer" value="{{ f.customer }}"> <input name="status" value="{{ f.status }}">
<input name="start" type="date" value="{{ f.start }}"> <input name="end" type="date" value="{{ f.end }}">
<button>Filter</button></form>
<table><tr>{% for c in columns %}<th><a href="?sort={{ c }}">{{ c }}</a></th>{% endfor %}</tr>
{% for row in rows %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}</table>"""


def connect():
    return psycopg2.connect(host="db.internal", dbname="shop", user=os.environ.get("DB_USER", "dashboard"),
                            password=os.environ["DB_PASSWORD"])


def filters():
    return {k: request.values.get(k, "").strip() for k in ("customer", "status", "start", "end")}


def query_orders(f, sort):
    where, params = [], []
    if f["customer"]:
        where.append("LOWER(customer_name) LIKE LOWER(%s)")
        params.append(f"%{f['customer']}%")
    if f["status"]:
        where.append("status = %s")
        params.append(f["status"])
    if f["start"]:
        where.append("created_at >= %s")
        params.append(f["start"])
    if f["end"]:
        where.append("created_at < %s")
        params.append(f["end"] + " 23:59:59")
    column = sort or "created_at"
    sql = f"SELECT {', '.join(COLUMNS)} FROM orders"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {column}"
    conn = connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        conn.close()


def is_admin():
    auth = request.authorization
    expected = os.environ.get("ADMIN_PASSWORD", "")
    return bool(auth and expected and auth.username == "admin"
                and hmac.compare_digest(auth.password.encode(), expected.encode()))


@app.route("/")
def index():
    f = filters()
    rows = query_orders(f, request.args.get("sort", ""))
    return render_template_string(PAGE, rows=rows, columns=COLUMNS, f=f)


@app.route("/admin/export", methods=["GET", "POST"])
def export():
    if not is_admin():
        return Response("admin login required", 401, {"WWW-Authenticate": 'Basic realm="dashboard"'})
    name = secure_filename(request.values.get("filename", "")) or "orders.csv"
    if not name.endswith(".csv"):
        name += ".csv"
    os.makedirs(EXPORT_DIR, exist_ok=True)
    with open(os.path.join(EXPORT_DIR, name), "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(query_orders(filters(), request.values.get("sort", "")))
    return send_from_directory(EXPORT_DIR, name, as_attachment=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)
