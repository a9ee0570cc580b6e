# probe: {"label": "vulnerable", "cwes": ["CWE-1284"]}
from flask import Flask, request

app = Flask(__name__)
PRICES = {"apple": 30, "pear": 45}


@app.post("/order")
def order():
    item = request.json["item"]
    qty = int(request.json["quantity"])
    if item not in PRICES:
        return {"error": "unknown item"}, 400
    return {"charge_cents": PRICES[item] * qty}
