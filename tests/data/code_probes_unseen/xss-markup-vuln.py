# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/banner")
def banner():
    note = request.args.get("note", "")
    html = Markup(f"<strong>{note}</strong>")
    return render_template("banner.html", banner=html)
