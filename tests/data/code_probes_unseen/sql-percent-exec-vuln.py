# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import MySQLdb
from flask import Flask, request

app = Flask(__name__)
QUERY = "SELECT title, body FROM posts WHERE slug = '%s' AND published = 1"


@app.get("/posts/<slug>")
def post(slug):
    db = MySQLdb.connect(host="localhost", user="blog", db="blog")
    cur = db.cursor()
    cur.execute(QUERY % slug)
    row = cur.fetchone()
    return {"title": row[0], "body": row[1]} if row else ({"error": "not found"}, 404)
