# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import psycopg2
from flask import Flask, request

app = Flask(__name__)


@app.get("/export/<table>")
def export(table):
    conn = psycopg2.connect("dbname=warehouse")
    with conn.cursor() as cur:
        cur.execute("SELECT * FROM {} LIMIT 100".format(table))
        rows = cur.fetchall()
    return {"rows": [list(r) for r in rows]}
