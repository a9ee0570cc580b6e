import sqlite3

from flask import Flask, Response, abort, session

app = Flask(__name__)


def db():
    conn = sqlite3.connect("billing.db")
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/invoices/<int:invoice_id>")
def download_invoice(invoice_id: int):
    customer_id = session.get("customer_id")
    if customer_id is None:
        abort(401)
    with db() as conn:
        row = conn.execute("SELECT number, body FROM invoices WHERE id = ? AND customer_id = ?",
                           (invoice_id, customer_id)).fetchone()
    if row is None:
        abort(404)
    return Response(row["body"], mimetype="text/plain",
                    headers={"Content-Disposition": f'attachment; filename="{row["number"]}.txt"'})
