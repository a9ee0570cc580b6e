# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
import os

import psycopg2
import psycopg2.extras
from flask import Flask, jsonify, request

app = Flask(__name__)


def connect():
    return psycopg2.connect(os.environ["DATABASE_URL"], cursor_factory=psycopg2.extras.RealDictCursor)


@app.get("/api/articles")
def articles():
    page = max(int(request.args.get("page", 1)), 1)
    per_page = min(max(int(request.args.get("per_page", 20)), 1), 100)
    offset = (page - 1) * per_page
    tag = request.args.get("tag")

    where, params = "", []
    if tag:
        where = "WHERE %s = ANY(tags)"
        params.append(tag)

    # limit/offset are ints computed above, the tag is bound
    query = f"SELECT id, title, published_at FROM articles {where} ORDER BY published_at DESC LIMIT {per_page} OFFSET {offset}"
    with connect() as conn, conn.cursor() as cur:
        cur.execute(query, params)
        return jsonify(cur.fetchall())
