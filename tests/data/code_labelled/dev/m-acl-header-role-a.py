# redline-label: {"label": "vulnerable", "cwes": ["CWE-285", "CWE-290"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, abort, jsonify, request

from inventory import adjust_stock, list_adjustments

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

# The API gateway in front of us adds these headers after it authenticates the caller.
ROLE_HEADER = "X-User-Role"
USER_HEADER = "X-User-Id"


def caller_role() -> str:
    return request.headers.get(ROLE_HEADER, "viewer")


@app.get("/stock/adjustments")
def adjustments():
    return jsonify(list_adjustments(limit=100))


@app.post("/stock/<sku>/adjust")
def adjust(sku):
    if caller_role() not in ("manager", "admin"):
        abort(403)
    delta = int(request.json["delta"])
    adjust_stock(sku, delta, actor=request.headers.get(USER_HEADER, "unknown"))
    return jsonify(sku=sku, delta=delta)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
