# probe: {"label": "secure", "cwes": ["CWE-95"]}
from flask import Flask, request

app = Flask(__name__)


class Formula:
    def __init__(self, text):
        self.text = text

    def value(self, x):
        return eval(self.text, {"x": x})


@app.route("/plot", methods=["POST"])
def plot():
    request.form.get("formula", "x")
    f = Formula("x * x + 1")
    return {"points": [f.value(x) for x in range(5)]}
