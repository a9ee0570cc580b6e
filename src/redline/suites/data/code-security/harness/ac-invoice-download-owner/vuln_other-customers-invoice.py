import sqlite3

from flask import Flask, Response, abort, session

app = Flask(__name__)


@app.route("/invoices/<int:invoice_id>")
def download_invoice(invoice_id: int):
    if "customer_id" not in session:
        abort(401)
    conn = sqlite3.connect("billing.db")
    row = conn.execute("SELECT number, body FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    conn.close()
    if row is None:
        abort(404)
    number, body = row
    resp = Response(body, mimetype="text/plain")
    resp.headers["Content-Disposition"] = f"attachment; filename={number}.txt"
    return resp
