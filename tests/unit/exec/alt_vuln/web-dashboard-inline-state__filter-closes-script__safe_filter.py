import json

from flask import Flask, render_template_string, session

from .filters import load_filters

app = Flask(__name__)

PAGE = """<!doctype html>
<title>Dashboard</title>
<h2>Dashboard</h2>
<div id="app"></div>
<script>
  window.SAVED_FILTERS = {{ filters_json|safe }};
</script>
<script src="/static/dashboard.js"></script>"""


@app.route("/dashboard")
def dashboard():
    filters = load_filters(session.get("user_id"))
    return render_template_string(PAGE, filters_json=json.dumps(filters, ensure_ascii=False))
