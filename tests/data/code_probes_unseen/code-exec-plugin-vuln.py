# probe: {"label": "vulnerable", "cwes": ["CWE-94"]}
from flask import Flask, request

app = Flask(__name__)


@app.post("/rules/run")
def run_rule():
    source = request.get_json()["rule"]
    scope = {"order_total": 120.0, "discount": 0.0}
    exec(source, {"__builtins__": {}}, scope)
    return {"discount": scope["discount"]}
