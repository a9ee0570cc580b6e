# Independent secure reference for ac-api-key-decorator.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import functools
import hmac
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DB_PATH = "api_keys.db"


def _key_is_known(candidate: str) -> bool:
    """Compare with every stored key in constant time (no early exit, no SQL built from the header)."""
    with sqlite3.connect(DB_PATH) as conn:
        keys = [row[0] for row in conn.execute('SELECT "key" FROM api_keys')]
    found = False
    for key in keys:
        if isinstance(key, str) and hmac.compare_digest(candidate.encode(), key.encode()):
            found = True
    return found


def require_api_key(view):
    """Decorator: let the request through only with an X-API-Key found in api_keys.db."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        candidate = request.headers.get("X-API-Key", "")
        if not candidate or not _key_is_known(candidate):
            abort(401)
        return view(*args, **kwargs)

    return wrapped


@app.route("/api/import", methods=["POST"])
@require_api_key
def api_import():
    records = request.get_json(silent=True)
    if not isinstance(records, list):
        abort(400, "expected a JSON list of records")
    return jsonify({"imported": len(records)})
