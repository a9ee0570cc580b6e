import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)


def db():
    conn = sqlite3.connect("docs.db")
    conn.row_factory = sqlite3.Row
    return conn


def may_edit(conn, doc, user_id):
    if doc["owner_id"] == user_id:
        return True
    share = conn.execute("SELECT can_edit FROM shares WHERE doc_id = ? AND user_id = ?",
                         (doc["id"], user_id)).fetchone()
    return share is not None


@app.route("/api/docs/<int:doc_id>", methods=["PUT"])
def save_doc(doc_id: int):
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    data = request.get_json(silent=True) or {}
    body = data.get("body")
    if not isinstance(body, str):
        abort(400)
    with db() as conn:
        doc = conn.execute("SELECT id, owner_id FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if doc is None:
            abort(404)
        if not may_edit(conn, doc, user_id):
            abort(403)
        conn.execute("UPDATE docs SET body = ? WHERE id = ?", (body, doc_id))
    return jsonify(id=doc_id, body=body)
