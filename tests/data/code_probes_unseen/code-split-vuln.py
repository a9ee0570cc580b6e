# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
from flask import Flask, request

app = Flask(__name__)


def pick(values, index):
    return values[index]


@app.route("/eval-field", methods=["POST"])
def eval_field():
    raw = request.form.get("fields", "1,2")
    parts = raw.split(",")
    chosen = pick(parts, 0)
    return {"value": eval(chosen.strip())}
