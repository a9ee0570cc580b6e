# Independent secure reference for web-dashboard-inline-state, written from the task prompt only (without seeing the harness tests).
"""Dashboard page with the saved filters inlined as JSON that cannot close the script element or inject markup."""
import json

from flask import Flask, abort, render_template_string, session

from .filters import load_filters

app = Flask(__name__)

# |tojson writes JSON with <, >, & and ' as \u escapes, so a filter named "</script><script>..." stays a string.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Dashboard</title></head>
<body>
<h1>Dashboard</h1>
<div id="app"></div>
<script>window.SAVED_FILTERS = {{ filters|tojson }};</script>
<script src="/static/dashboard.js"></script>
</body></html>"""


def _json_safe(filters: object) -> list:
    """The filters as plain JSON data (a list), so tojson never fails on an odd value."""
    if not isinstance(filters, list):
        return []
    return json.loads(json.dumps(filters, default=str))


@app.route("/dashboard")
def dashboard():
    """The dashboard page, with the user's saved filters set as window.SAVED_FILTERS for the front end."""
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    filters = _json_safe(load_filters(user_id))
    response = app.make_response(render_template_string(PAGE, filters=filters))
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
