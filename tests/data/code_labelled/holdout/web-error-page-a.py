# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "flask-app"}
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)

ERROR_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{code} - {title}</title>
<link rel="stylesheet" href="/static/site.css"></head>
<body class="error">
  <h1>{title}</h1>
  <p>{message}</p>
  <p><a href="/">Return to the homepage</a></p>
</body>
</html>"""


@app.errorhandler(404)
def not_found(err):
    log.info("404 for %s", request.path)
    body = ERROR_PAGE.format(
        code=404,
        title="Page not found",
        message=f"Sorry, we couldn't find <code>{request.path}</code> on this site.",
    )
    return body, 404


@app.errorhandler(500)
def server_error(err):
    return ERROR_PAGE.format(code=500, title="Server error", message="Something went wrong."), 500


@app.route("/")
def home():
    return "Welcome"
