import json

from flask import Flask, session

from .filters import load_filters

app = Flask(__name__)


@app.route("/dashboard")
def dashboard():
    data = json.dumps(load_filters(session["user_id"]))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"""<h1>Dashboard</h1><div id="app"></div>
<script type="application/json" id="saved-filters">{data}</script>
<script>window.SAVED_FILTERS = JSON.parse(document.getElementById("saved-filters").textContent);</script>
<script src="/static/dashboard.js"></script>"""
