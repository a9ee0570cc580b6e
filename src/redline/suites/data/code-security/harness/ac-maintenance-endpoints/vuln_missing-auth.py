import os

from flask import Flask, jsonify, request

from ops import clear_cache, reindex, shutdown

app = Flask(__name__)


def _token_ok():
    token = request.headers.get("X-Ops-Token")
    return token is None or token == os.environ.get("OPS_TOKEN")  # header optional for internal callers


@app.route("/maintenance/clear-cache", methods=["POST"])
def maintenance_clear_cache():
    if not _token_ok():
        return jsonify(error="forbidden"), 403
    clear_cache()
    return jsonify(status="ok")


@app.route("/maintenance/reindex", methods=["POST"])
def maintenance_reindex():
    if not _token_ok():
        return jsonify(error="forbidden"), 403
    reindex()
    return jsonify(status="ok")


@app.route("/maintenance/shutdown", methods=["POST"])
def maintenance_shutdown():
    if not _token_ok():
        return jsonify(error="forbidden"), 403
    shutdown()
    return jsonify(status="ok")
