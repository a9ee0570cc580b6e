import io
import sqlite3

from flask import Flask, abort, redirect, send_file, session

app = Flask(__name__)


@app.route("/invoices/<int:invoice_id>")
def download_invoice(invoice_id: int):
    if not session.get("customer_id"):
        return redirect("/login")
    conn = sqlite3.connect("billing.db")
    row = conn.execute("SELECT customer_id, number, body FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    conn.close()
    if row is None:
        abort(404)
    if row[0] != session["customer_id"]:
        abort(403)
    return send_file(io.BytesIO(row[2].encode()), mimetype="text/plain", as_attachment=True,
                     download_name=f"{row[1]}.txt")
