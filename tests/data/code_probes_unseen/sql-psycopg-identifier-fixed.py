# probe: {"label": "secure", "cwes": ["CWE-89"]}
import psycopg2
from flask import Flask, request
from psycopg2 import sql

app = Flask(__name__)


@app.get("/export/<table>")
def export(table):
    conn = psycopg2.connect("dbname=warehouse")
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT * FROM {} LIMIT 100").format(sql.Identifier(table)))
        rows = cur.fetchall()
    return {"rows": [list(r) for r in rows]}
