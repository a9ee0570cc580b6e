from html import escape

from flask import Flask, request

from .search import search_articles

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    items = "".join(f"<li>{escape(t)}</li>" for t in search_articles(q))
    return f"<!doctype html><html><body><h1>Results for {escape(q)}</h1><ul>{items}</ul></body></html>"
