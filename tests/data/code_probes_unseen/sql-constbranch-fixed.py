# probe: {"label": "secure", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/account/lookup", methods=["POST"])
def lookup():
    raw = request.form.get("account", "")
    chosen = {"a": "guest", "b": raw}
    limit = 40
    if limit * 3 > 200:
        value = chosen["b"]
    else:
        value = chosen["a"]
    con = sqlite3.connect("bank.db")
    cur = con.cursor()
    cur.executemany("UPDATE accounts SET seen = 1 WHERE owner = '" + value + "'", [()])
    con.commit()
    return "ok"
