import functools
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


def require_api_key(view):
    @functools.wraps(view)
    def decorated(*args, **kwargs):
        api_key = request.headers.get("X-API-Key", "")
        conn = sqlite3.connect("api_keys.db")
        try:
            row = conn.execute(f"SELECT id FROM api_keys WHERE key = '{api_key}'").fetchone()
        except sqlite3.Error:
            row = None
        finally:
            conn.close()
        if row is None:
            abort(401)
        return view(*args, **kwargs)
    return decorated


@app.route("/api/import", methods=["POST"])
@require_api_key
def api_import():
    data = request.get_json(force=True)
    return jsonify(imported=len(data)), 201
