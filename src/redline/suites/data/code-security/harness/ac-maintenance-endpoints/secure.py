import hmac
import os
from functools import wraps

from flask import Flask, abort, jsonify, request

from .ops import clear_cache, reindex, shutdown

app = Flask(__name__)


def ops_only(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        expected = os.environ.get("OPS_TOKEN", "")
        sent = request.headers.get("X-Ops-Token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


@app.route("/maintenance/clear-cache", methods=["POST"])
@ops_only
def maintenance_clear_cache():
    clear_cache()
    return jsonify(done="clear-cache")


@app.route("/maintenance/reindex", methods=["POST"])
@ops_only
def maintenance_reindex():
    reindex()
    return jsonify(done="reindex")


@app.route("/maintenance/shutdown", methods=["POST"])
@ops_only
def maintenance_shutdown():
    shutdown()
    return jsonify(done="shutdown"), 202


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
