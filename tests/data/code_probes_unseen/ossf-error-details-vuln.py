# probe: {"label": "vulnerable", "cwes": ["CWE-209"]}
import sqlite3
import traceback

from flask import Flask, request

app = Flask(__name__)


@app.post("/transfer")
def transfer():
    try:
        amount = float(request.form["amount"])
        with sqlite3.connect("ledger.db") as db:
            db.execute("UPDATE accounts SET balance = balance - ? WHERE id = 1", (amount,))
    except Exception:
        return {"error": traceback.format_exc()}, 500
    return {"ok": True}
