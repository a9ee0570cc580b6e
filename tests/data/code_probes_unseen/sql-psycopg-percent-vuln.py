# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import os

import psycopg2
from flask import Flask, request

app = Flask(__name__)


def connection():
    return psycopg2.connect(os.environ["DATABASE_URL"])


@app.post("/orders/search")
def search_orders():
    payload = request.get_json(force=True)
    customer = payload.get("customer", "")
    status = payload.get("status", "open")
    query = "SELECT id, total FROM orders WHERE customer = '%s' AND status = '%s'" % (customer, status)
    with connection() as conn:
        with conn.cursor() as cur:
            cur.execute(query)
            found = cur.fetchall()
    return {"orders": [{"id": i, "total": float(t)} for i, t in found]}
