# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from flask import Flask, request
from markupsafe import Markup

app = Flask(__name__)
COMMENTS = []


@app.route("/comments", methods=["GET", "POST"])
def comments():
    if request.method == "POST":
        COMMENTS.append(request.form.get("body", ""))
    items = "".join("<li>%s</li>" % c for c in COMMENTS)
    return str(Markup("<ul>" + items + "</ul>"))
