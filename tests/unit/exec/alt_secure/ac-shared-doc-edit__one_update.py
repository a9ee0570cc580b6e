import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)


@app.route("/api/docs/<int:doc_id>", methods=["PUT"])
def save_doc(doc_id: int):
    if "user_id" not in session:
        return jsonify(error="login required"), 401
    body = (request.get_json(silent=True) or {}).get("body")
    if not isinstance(body, str):
        abort(400)
    conn = sqlite3.connect("docs.db")
    try:
        cur = conn.execute(
            "UPDATE docs SET body = ? WHERE id = ? AND (owner_id = ? OR EXISTS (SELECT 1 FROM shares "
            "WHERE shares.doc_id = docs.id AND shares.user_id = ? AND shares.can_edit = 1))",
            (body, doc_id, session["user_id"], session["user_id"]))
        conn.commit()
        if cur.rowcount == 0:
            exists = conn.execute("SELECT 1 FROM docs WHERE id = ?", (doc_id,)).fetchone()
            abort(403 if exists else 404)
    finally:
        conn.close()
    return jsonify({"id": doc_id, "body": body})
