# Independent secure reference for web-not-found-page, written from the task prompt only (without seeing the harness tests).
"""Friendly 404 page: the requested path is shown as escaped text and the search link's query is URL-encoded."""
from urllib.parse import urlencode

from flask import Flask, render_template_string, request

app = Flask(__name__)
MAX_SHOWN = 300

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Page not found</title></head>
<body>
<h1>Page not found</h1>
<p>We could not find {{ path }}</p>
{% if words %}<p><a href="{{ search_href }}">Search our documentation for &ldquo;{{ words }}&rdquo;</a></p>
{% else %}<p><a href="/search">Search our documentation</a></p>{% endif %}
</body></html>"""


@app.errorhandler(404)
def not_found(error):
    """A friendly 404 page naming the path that was asked for, with a link to search for its last part."""
    path = request.path
    shown = path if len(path) <= MAX_SHOWN else path[:MAX_SHOWN] + "..."
    words = path.rstrip("/").rsplit("/", 1)[-1][:MAX_SHOWN]
    # The template autoescapes the path and the words; the href gets a URL-encoded query, then HTML-escaping.
    html = render_template_string(
        PAGE, path=shown, words=words, search_href="/search?" + urlencode({"q": words}) if words else "/search"
    )
    response = app.make_response((html, 404))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'self'; script-src 'none'"
    return response
