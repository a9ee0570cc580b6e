# Independent secure reference for web-search-results-page.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
from flask import Flask, render_template_string, request

from .search import search_articles

app = Flask(__name__)

# render_template_string autoescapes: the query and the titles are shown as text, never as HTML.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Search</title></head>
<body>
<form action="/search" method="get"><input name="q" value="{{ q }}"><button>Search</button></form>
<h1>Results for {{ q }}</h1>
{% if titles %}<ul>{% for title in titles %}<li>{{ title }}</li>{% endfor %}</ul>
{% else %}<p>No articles found.</p>{% endif %}
</body></html>"""


@app.route("/search")
def search():
    """HTML page with "Results for <q>" and the titles returned by search_articles(q)."""
    q = request.args.get("q", "")
    titles = search_articles(q)
    response = app.make_response(render_template_string(PAGE, q=q, titles=titles))
    response.headers["Content-Security-Policy"] = "default-src 'self'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
