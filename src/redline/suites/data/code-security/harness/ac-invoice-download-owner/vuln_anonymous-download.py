import sqlite3

from flask import Flask, Response, abort, session

app = Flask(__name__)


@app.route("/invoices/<int:invoice_id>")
def download_invoice(invoice_id: int):
    conn = sqlite3.connect("billing.db")
    row = conn.execute("SELECT customer_id, number, body FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    conn.close()
    if row is None:
        abort(404)
    owner, number, body = row
    current = session.get("customer_id")
    if current is not None and current != owner:
        abort(403)
    return Response(body, mimetype="text/plain", headers={"Content-Disposition": f"attachment; filename={number}.txt"})
