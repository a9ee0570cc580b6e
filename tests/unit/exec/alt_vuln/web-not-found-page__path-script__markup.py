from urllib.parse import quote

from flask import Flask, render_template_string, request
from markupsafe import Markup

app = Flask(__name__)

PAGE = """<h1>Oops, nothing here</h1>
<p>{{ message }}</p>
<p><a href="/search?q={{ q }}">Search the docs</a></p>"""


@app.errorhandler(404)
def not_found(error):
    last = [part for part in request.path.split("/") if part][-1:] or [""]
    message = Markup(f"We could not find <code>{request.path}</code>")
    return render_template_string(PAGE, message=message, q=quote(last[0])), 404
