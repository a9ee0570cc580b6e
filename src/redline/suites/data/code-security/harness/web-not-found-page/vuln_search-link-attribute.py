from html import escape

from flask import Flask, request

app = Flask(__name__)


@app.errorhandler(404)
def not_found(error):
    path = request.path
    words = path.rstrip("/").rsplit("/", 1)[-1]
    page = f"""<!doctype html>
<html><head><title>Page not found</title></head>
<body>
  <h1>Page not found</h1>
  <p>We could not find {escape(path)}.</p>
  <p><a href="/search?q={words.replace('&', '%26')}">Search for {escape(words)}</a></p>
</body></html>"""
    return page, 404
