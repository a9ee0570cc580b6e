# Independent secure reference for ac-shared-doc-edit, written from the task prompt only (without seeing the harness tests).
"""Document save: only the owner or a colleague with an editing share may change a document."""
import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
DB_PATH = "docs.db"
MAX_BODY_CHARS = 1_000_000


def _current_user_id() -> int:
    raw = session.get("user_id")
    if raw is None or isinstance(raw, bool):
        abort(401)
    try:
        return int(raw)
    except (TypeError, ValueError):
        abort(401)


@app.route("/api/docs/<int:doc_id>", methods=["PUT"])
def save_doc(doc_id: int):
    """Store the JSON body's "body" as the document's text and answer the saved document."""
    user_id = _current_user_id()
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("body"), str):
        return jsonify({"error": 'the JSON body must be {"body": "<text>"}'}), 400
    body = payload["body"]
    if len(body) > MAX_BODY_CHARS:
        return jsonify({"error": "the document is too long"}), 413
    conn = sqlite3.connect(DB_PATH)
    try:
        doc = conn.execute("SELECT owner_id FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if doc is None:
            abort(404)
        if doc[0] is None or int(doc[0]) != user_id:
            share = conn.execute(
                "SELECT MAX(can_edit) FROM shares WHERE doc_id = ? AND user_id = ?", (doc_id, user_id)
            ).fetchone()
            can_edit = share is not None and share[0] is not None and int(share[0]) == 1
            if not can_edit:
                # A read-only share may know the document exists (403); anyone else learns nothing (404).
                abort(403 if share is not None and share[0] is not None else 404)
        conn.execute("UPDATE docs SET body = ? WHERE id = ?", (body, doc_id))
        conn.commit()
        stored = conn.execute("SELECT body FROM docs WHERE id = ?", (doc_id,)).fetchone()[0]
    finally:
        conn.close()
    return jsonify({"id": doc_id, "body": stored}), 200
