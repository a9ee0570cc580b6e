# probe: {"label": "secure", "cwes": ["CWE-501"]}
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"k"


def remember(key, value):
    session[key] = value


@app.get("/page")
def page():
    size = min(max(int(request.args.get("page_size", "20")), 1), 100)
    remember("page_size", size)
    return {"page_size": session["page_size"]}
