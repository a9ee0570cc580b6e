# Independent secure reference for ac-invoice-download-owner, written from the task prompt only (without seeing the harness tests).
"""Invoice download: a customer gets only their own invoices; other ids look the same as missing ones."""
import re
import sqlite3

from flask import Flask, Response, abort, session

app = Flask(__name__)
DB_PATH = "billing.db"


def _current_customer_id() -> int:
    raw = session.get("customer_id")
    if raw is None or isinstance(raw, bool):
        abort(401)
    try:
        return int(raw)
    except (TypeError, ValueError):
        abort(401)


def _safe_filename(number: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", str(number or "")).strip("._") or "invoice"
    return f"invoice-{name[:80]}.txt"


@app.route("/invoices/<int:invoice_id>")
def download_invoice(invoice_id: int):
    """Send the invoice's body as a text download for the customer on their account page."""
    customer_id = _current_customer_id()
    conn = sqlite3.connect(DB_PATH)
    try:
        row = conn.execute(
            "SELECT customer_id, number, body FROM invoices WHERE id = ?", (invoice_id,)
        ).fetchone()
    finally:
        conn.close()
    # Someone else's invoice answers exactly like a missing one, so ids cannot be probed.
    if row is None or row[0] is None or int(row[0]) != customer_id:
        abort(404)
    _owner, number, body = row
    resp = Response(body or "", mimetype="text/plain")
    resp.headers["Content-Disposition"] = f'attachment; filename="{_safe_filename(number)}"'
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Cache-Control"] = "private, no-store"
    return resp
