import os

from flask import Flask, abort, jsonify, request

from .ops import clear_cache, reindex, shutdown

app = Flask(__name__)
ACTIONS = {"clear-cache": clear_cache, "reindex": reindex, "shutdown": shutdown}


def _check():
    if request.headers.get("X-Ops-Token") != os.environ["OPS_TOKEN"]:
        abort(403)


@app.route("/maintenance/clear-cache", methods=["POST"])
def maintenance_clear_cache():
    _check()
    clear_cache()
    return jsonify(ok=True)


@app.route("/maintenance/<action>", methods=["POST"])
def maintenance(action):
    _check()
    if action not in ACTIONS:
        abort(404)
    ACTIONS[action]()
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
