from flask import Flask, request
from markupsafe import escape
app = Flask(__name__)
@app.route("/search")
def search():
    q = escape(request.args.get("q", ""))
    return f"<p>Results for {q}</p>"
