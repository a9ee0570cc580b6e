from flask import Flask, render_template_string, request
from markupsafe import Markup

from .search import search_articles

app = Flask(__name__)

PAGE = "<html><body><h1>Results for {{ q }}</h1><ul>{% for t in titles %}<li>{{ t }}</li>{% endfor %}</ul></body></html>"


@app.route("/search")
def search():
    q = request.args.get("q", "")
    return render_template_string(PAGE, q=q, titles=[Markup(t) for t in search_articles(q)])
