# probe: {"label": "secure", "cwes": ["CWE-94"]}
from flask import Flask, request

app = Flask(__name__)
RULES = {
    "ten_percent": lambda total: total * 0.10,
    "flat_five": lambda total: 5.0 if total > 50 else 0.0,
}


@app.post("/rules/run")
def run_rule():
    name = request.get_json()["rule"]
    rule = RULES.get(name)
    if rule is None:
        return {"error": "unknown rule"}, 400
    return {"discount": rule(120.0)}
