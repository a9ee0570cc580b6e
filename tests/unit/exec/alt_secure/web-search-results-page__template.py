from flask import Flask, render_template_string, request

from .search import search_articles

app = Flask(__name__)

PAGE = """<!DOCTYPE html>
<html><head><title>Search</title></head><body>
<h1>Results for {{ q }}</h1>
{% if titles %}<ul>{% for t in titles %}<li>{{ t }}</li>{% endfor %}</ul>{% else %}<p>No articles found.</p>{% endif %}
</body></html>"""


@app.route("/search")
def search():
    q = request.args.get("q", "").strip()
    titles = search_articles(q) if q else []
    return render_template_string(PAGE, q=q, titles=titles)
