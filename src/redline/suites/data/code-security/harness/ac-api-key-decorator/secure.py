import functools
import hmac
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DB = "api_keys.db"


def _known(key):
    with sqlite3.connect(DB) as conn:
        return any(hmac.compare_digest(key, row[0]) for row in conn.execute("SELECT key FROM api_keys"))


def require_api_key(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("X-API-Key", "")
        if not key or not _known(key):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


@app.route("/api/import", methods=["POST"])
@require_api_key
def api_import():
    records = request.get_json(silent=True)
    if not isinstance(records, list):
        abort(400)
    return jsonify(imported=len(records))
