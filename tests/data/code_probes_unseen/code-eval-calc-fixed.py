# probe: {"label": "secure", "cwes": ["CWE-95"]}
import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "[1, 2]")
    try:
        result = ast.literal_eval(expression)
    except (ValueError, SyntaxError) as exc:
        return {"error": str(exc)}, 400
    return {"result": result}
