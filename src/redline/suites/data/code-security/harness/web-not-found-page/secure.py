from urllib.parse import urlencode

from flask import Flask, render_template_string, request

app = Flask(__name__)

PAGE = """<!doctype html>
<html><head><title>Page not found</title></head>
<body>
  <h1>Page not found</h1>
  <p>We could not find {{ path }}.</p>
  <p><a href="/search?{{ query }}">Search the documentation for "{{ words }}"</a></p>
</body></html>"""


@app.errorhandler(404)
def not_found(error):
    path = request.path
    words = path.rstrip("/").rsplit("/", 1)[-1]
    return render_template_string(PAGE, path=path, words=words, query=urlencode({"q": words})), 404
