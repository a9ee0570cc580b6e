import functools
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


def require_api_key(view):
    @functools.wraps(view)
    def inner(*args, **kwargs):
        key = request.headers.get("X-API-Key")
        if not key:
            abort(401, description="missing API key")
        conn = sqlite3.connect("api_keys.db")
        try:
            ok = conn.execute("SELECT COUNT(*) FROM api_keys WHERE key = ?", (key,)).fetchone()[0] > 0
        finally:
            conn.close()
        if not ok:
            abort(403, description="invalid API key")
        return view(*args, **kwargs)
    return inner


@app.post("/api/import")
@require_api_key
def import_data():
    payload = request.get_json(silent=True) or []
    return jsonify({"imported": len(payload)}), 200
