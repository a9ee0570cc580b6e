# redline-label: {"label": "secure", "cwes": ["CWE-489", "CWE-215"], "task": null, "category": "secrets-config", "style": "flask-app"}
"""Inventory API for the warehouse scanners."""
import os

from flask import Flask, jsonify, request

from inventory import adjust_stock, get_item

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["INVENTORY_SECRET"]


@app.get("/items/<sku>")
def item(sku):
    found = get_item(sku)
    if found is None:
        return jsonify(error="unknown sku"), 404
    return jsonify(found)


@app.post("/items/<sku>/adjust")
def adjust(sku):
    delta = int(request.json["delta"])
    return jsonify(adjust_stock(sku, delta))


if __name__ == "__main__":
    debug = os.environ.get("FLASK_DEBUG", "0") == "1"
    host = "127.0.0.1" if debug else "0.0.0.0"
    app.run(host=host, port=int(os.environ.get("PORT", 5000)), debug=debug)
