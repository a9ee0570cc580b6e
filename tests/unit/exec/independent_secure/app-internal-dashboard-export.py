# Independent secure reference for app-internal-dashboard-export.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Internal orders dashboard: filterable order list and an admin CSV export."""
import csv
import hmac
import os
import re
from functools import wraps

import psycopg2
from flask import Flask, abort, render_template_string, request, send_from_directory

app = Flask(__name__)
EXPORT_DIR = "/srv/exports"
_CANDIDATES = {
    "customer": ("customer_name", "customer"),
    "date": ("created_at", "order_date", "ordered_at", "date"),
}


def get_connection():
    # Credentials come from the environment, never from the source.
    return psycopg2.connect(
        host=os.environ.get("DB_HOST", "db.internal"),
        dbname=os.environ.get("DB_NAME", "shop"),
        user=os.environ.get("DB_USER"),
        password=os.environ.get("DB_PASSWORD"),
    )


def require_admin(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        expected = os.environ.get("ADMIN_TOKEN", "")
        sent = request.headers.get("X-Admin-Token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def _columns(cur) -> list[str]:
    cur.execute("SELECT * FROM orders WHERE 1 = 0")
    return [d[0] for d in cur.description]


def _pick(columns: list[str], kind: str) -> str | None:
    for name in _CANDIDATES[kind]:
        if name in columns:
            return name
    return None


def fetch_orders(args) -> tuple[list[str], list[tuple]]:
    """Orders matching the filters in `args`; every value is a bound parameter, the sort column is allow-listed."""
    with get_connection() as conn:
        cur = conn.cursor()
        columns = _columns(cur)
        where, params = [], []
        customer_col = _pick(columns, "customer")
        date_col = _pick(columns, "date")
        if args.get("customer") and customer_col:
            where.append(f'"{customer_col}" ILIKE %s')
            params.append("%" + args["customer"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        if args.get("status") and "status" in columns:
            where.append('"status" = %s')
            params.append(args["status"])
        if args.get("date_from") and date_col:
            where.append(f'"{date_col}" >= %s')
            params.append(args["date_from"])
        if args.get("date_to") and date_col:
            where.append(f'"{date_col}" <= %s')
            params.append(args["date_to"])
        sort = args.get("sort") or columns[0]
        if sort not in columns:  # only real column names, never raw input, reach the ORDER BY
            abort(400)
        direction = "DESC" if args.get("order", "asc").lower() == "desc" else "ASC"
        sql = "SELECT * FROM orders"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f' ORDER BY "{sort}" {direction}'
        cur.execute(sql, params)
        return columns, cur.fetchall()


PAGE = """<!doctype html><title>Orders</title><h1>Orders</h1>
<form method="get"><input name="customer" placeholder="Customer" value="{{ args.get('customer', '') }}">
<input name="status" placeholder="Status" value="{{ args.get('status', '') }}">
<input name="date_from" type="date" value="{{ args.get('date_from', '') }}">
<input name="date_to" type="date" value="{{ args.get('date_to', '') }}"><button>Filter</button></form>
<table><tr>{% for c in columns %}<th><a href="?sort={{ c|urlencode }}">{{ c }}</a></th>{% endfor %}</tr>
{% for row in rows %}<tr>{% for v in row %}<td>{{ v }}</td>{% endfor %}</tr>{% endfor %}</table>"""


@app.route("/")
def index():
    columns, rows = fetch_orders(request.args)
    return render_template_string(PAGE, columns=columns, rows=rows, args=request.args)


_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")


@app.route("/admin/export", methods=["GET", "POST"])
@require_admin
def export():
    values = request.values
    name = values.get("filename", "orders.csv")
    if not name.lower().endswith(".csv"):
        name += ".csv"
    if not _SAFE_NAME.match(name) or ".." in name:
        abort(400)
    columns, rows = fetch_orders(values)
    os.makedirs(EXPORT_DIR, exist_ok=True)
    path = os.path.join(EXPORT_DIR, name)
    if os.path.dirname(os.path.realpath(path)) != os.path.realpath(EXPORT_DIR):
        abort(400)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            # Neutralise spreadsheet formulas in exported cells.
            writer.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in row])
    return send_from_directory(EXPORT_DIR, name, as_attachment=True)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
