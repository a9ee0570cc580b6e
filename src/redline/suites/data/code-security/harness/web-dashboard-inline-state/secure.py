from flask import Flask, render_template_string, session

from .filters import load_filters

app = Flask(__name__)

PAGE = """<!doctype html>
<html><head><title>Dashboard</title></head>
<body>
  <h1>Dashboard</h1>
  <div id="app"></div>
  <script>window.SAVED_FILTERS = {{ filters|tojson }};</script>
  <script src="/static/dashboard.js"></script>
</body></html>"""


@app.route("/dashboard")
def dashboard():
    user_id = session.get("user_id")
    filters = load_filters(user_id) if user_id is not None else []
    return render_template_string(PAGE, filters=filters)
