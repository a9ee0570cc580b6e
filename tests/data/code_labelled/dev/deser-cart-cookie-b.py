# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "flask-app"}
import json
import os

from flask import Flask, jsonify, make_response, request
from itsdangerous import BadSignature, URLSafeSerializer

app = Flask(__name__)
serializer = URLSafeSerializer(os.environ["CART_SIGNING_KEY"], salt="cart")

PRODUCTS = {1: ("Coffee beans", 12.5), 2: ("Grinder", 89.0), 3: ("Filter papers", 4.2)}


def read_cart() -> dict[int, int]:
    raw = request.cookies.get("cart")
    if not raw:
        return {}
    try:
        data = serializer.loads(raw)  # JSON payload with an HMAC signature
    except BadSignature:
        return {}
    return {int(k): int(v) for k, v in data.items() if str(k).isdigit()}


def write_cart(resp, cart):
    resp.set_cookie("cart", serializer.dumps({str(k): v for k, v in cart.items()}), max_age=7 * 86400)
    return resp


@app.post("/cart/<int:product_id>")
def add_item(product_id):
    if product_id not in PRODUCTS:
        return jsonify(error="unknown product"), 404
    cart = read_cart()
    cart[product_id] = cart.get(product_id, 0) + 1
    return write_cart(make_response(jsonify(cart=cart)), cart)


@app.get("/cart")
def show_cart():
    cart = read_cart()
    total = sum(PRODUCTS[p][1] * q for p, q in cart.items() if p in PRODUCTS)
    return app.response_class(json.dumps({"items": cart, "total": round(total, 2)}), mimetype="application/json")
