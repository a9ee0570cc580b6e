from flask import Flask, request
from markupsafe import Markup, escape

from .search import search_articles

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    rows = Markup("").join(Markup("<li>{}</li>").format(t) for t in search_articles(q))
    return Markup("<h2>Results for " + q + "</h2><ul>") + rows + Markup("</ul>") + escape("")
