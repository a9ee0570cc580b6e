# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "flask-app"}
from flask import Flask, render_template_string, request

from catalog import search_products

app = Flask(__name__)

BASE = """
<!doctype html>
<title>Shop search</title>
<form><input name="q" value="{{ q }}"><button>Search</button></form>
"""


@app.route("/search")
def search():
    q = request.args.get("q", "")
    results = search_products(q)
    heading = "<h2>Results for '" + q + "'</h2>" if q else "<h2>All products</h2>"
    template = BASE + heading + """
    <ul>
    {% for p in results %}
      <li>{{ p.name }} - {{ "%.2f"|format(p.price) }} EUR</li>
    {% else %}
      <li>No products found.</li>
    {% endfor %}
    </ul>
    """
    return render_template_string(template, q=q, results=results)
