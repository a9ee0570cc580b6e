import json

from flask import Flask, session

from .filters import load_filters

app = Flask(__name__)


@app.route("/dashboard")
def dashboard():
    data = json.dumps(json.dumps(load_filters(session["user_id"]))).replace("</", "<\\/")
    return f"""<h1>Dashboard</h1><div id="app"></div>
<script>window.SAVED_FILTERS = JSON.parse({data});</script>
<script src="/static/dashboard.js"></script>"""
