import json

from flask import Flask, session

from .filters import load_filters

app = Flask(__name__)


@app.route("/dashboard")
def dashboard():
    filters = load_filters(session["user_id"])
    return f"""<!doctype html>
<html><head><title>Dashboard</title></head>
<body>
  <h1>Dashboard</h1>
  <div id="app"></div>
  <script>
    window.SAVED_FILTERS = {json.dumps(filters)};
  </script>
  <script src="/static/dashboard.js"></script>
</body></html>"""
