# redline-label: {"label": "secure", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "flask-app"}
from flask import Flask, render_template_string, request

from catalog import search_products

app = Flask(__name__)

TEMPLATE = """
<!doctype html>
<title>Shop search</title>
<form><input name="q" value="{{ q }}"><button>Search</button></form>
{% if q %}<h2>Results for '{{ q }}'</h2>{% else %}<h2>All products</h2>{% endif %}
<ul>
{% for p in results %}
  <li>{{ p.name }} - {{ "%.2f"|format(p.price) }} EUR</li>
{% else %}
  <li>No products found.</li>
{% endfor %}
</ul>
"""


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # the template is a constant; user input only enters as autoescaped variables
    return render_template_string(TEMPLATE, q=q, results=search_products(q))
