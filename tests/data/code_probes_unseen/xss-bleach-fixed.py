# probe: {"label": "secure", "cwes": ["CWE-79"]}
import bleach
from flask import Flask, request

app = Flask(__name__)
COMMENTS = []


@app.route("/comments", methods=["GET", "POST"])
def comments():
    if request.method == "POST":
        COMMENTS.append(bleach.clean(request.form.get("body", ""), tags=["b", "i"], strip=True))
    items = "".join("<li>%s</li>" % c for c in COMMENTS)
    return "<ul>" + items + "</ul>"
