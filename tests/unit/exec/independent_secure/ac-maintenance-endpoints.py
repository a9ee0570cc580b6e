# Independent secure reference for ac-maintenance-endpoints.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import hmac
import os
from functools import wraps

from flask import Flask, abort, jsonify, request

from .ops import clear_cache, reindex, shutdown

app = Flask(__name__)


def require_ops_token(view):
    """Only requests whose X-Ops-Token equals OPS_TOKEN; with no OPS_TOKEN configured, nobody."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        expected = os.environ.get("OPS_TOKEN", "")
        sent = request.headers.get("X-Ops-Token", "")
        if not sent:
            abort(401)
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


@app.route("/maintenance/clear-cache", methods=["POST"])
@require_ops_token
def maintenance_clear_cache():
    """Clear the cache for the ops team."""
    clear_cache()
    return jsonify({"status": "ok", "action": "clear-cache"})


@app.route("/maintenance/reindex", methods=["POST"])
@require_ops_token
def maintenance_reindex():
    reindex()
    return jsonify({"status": "ok", "action": "reindex"})


@app.route("/maintenance/shutdown", methods=["POST"])
@require_ops_token
def maintenance_shutdown():
    shutdown()
    return jsonify({"status": "ok", "action": "shutdown"})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
