# probe: {"label": "secure", "cwes": ["CWE-209"]}
import logging
import sqlite3

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/transfer")
def transfer():
    try:
        amount = float(request.form["amount"])
        with sqlite3.connect("ledger.db") as db:
            db.execute("UPDATE accounts SET balance = balance - ? WHERE id = 1", (amount,))
    except (ValueError, KeyError, sqlite3.Error):
        log.exception("transfer failed")
        return {"error": "transfer failed"}, 500
    return {"ok": True}
