# probe: {"label": "secure", "cwes": ["CWE-95"]}
import ast

from flask import Flask, request

app = Flask(__name__)


def pick(values, index):
    return values[index]


@app.route("/eval-field", methods=["POST"])
def eval_field():
    raw = request.form.get("fields", "1,2")
    parts = raw.split(",")
    chosen = pick(parts, 0)
    return {"value": ast.literal_eval(chosen.strip())}
