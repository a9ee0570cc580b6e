# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
import math

from flask import Flask, request

app = Flask(__name__)
SHAPES = {"circle": "math.pi * r ** 2", "square": "r * r"}


@app.get("/area")
def area():
    shape = request.args.get("shape", "circle")
    r = float(request.args.get("r", "1"))
    formula = SHAPES.get(shape, shape)
    return {"area": eval(formula, {"math": math, "r": r})}
