# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "flask-app"}
import base64
import pickle

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)

PRODUCTS = {1: ("Coffee beans", 12.5), 2: ("Grinder", 89.0), 3: ("Filter papers", 4.2)}


def read_cart():
    raw = request.cookies.get("cart")
    if not raw:
        return {}
    try:
        return pickle.loads(base64.b64decode(raw))
    except Exception:
        return {}


def write_cart(resp, cart):
    resp.set_cookie("cart", base64.b64encode(pickle.dumps(cart)).decode(), max_age=7 * 86400)
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
    return jsonify(items=cart, total=round(total, 2))
