# probe: {"label": "secure", "cwes": ["CWE-79"]}
import base64
import html

from flask import Flask, request

app = Flask(__name__)


@app.route("/share")
def share():
    blob = request.args.get("d", "")
    message = base64.urlsafe_b64decode(blob.encode()).decode("utf-8", "replace")
    return f"<div class='shared'>{html.escape(message)}</div>"
