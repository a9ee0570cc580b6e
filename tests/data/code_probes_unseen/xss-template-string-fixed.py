# probe: {"label": "secure", "cwes": ["CWE-79"]}
from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/comment", methods=["POST"])
def comment():
    text = request.form.get("text", "")
    return render_template_string("<article>{{ text }}</article>", text=text)
