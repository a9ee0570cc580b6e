import functools
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


def require_api_key(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("X-API-Key")
        if key:
            conn = sqlite3.connect("api_keys.db")
            found = conn.execute("SELECT 1 FROM api_keys WHERE key = ?", (key,)).fetchone()
            conn.close()
            if not found:
                abort(403)
        return view(*args, **kwargs)
    return wrapper


@app.route("/api/import", methods=["POST"])
@require_api_key
def api_import():
    return jsonify({"imported": len(request.get_json() or [])})
