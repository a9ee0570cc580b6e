# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "1+1")
    try:
        result = eval(expression)
    except Exception as exc:
        return {"error": str(exc)}, 400
    return {"result": result}
