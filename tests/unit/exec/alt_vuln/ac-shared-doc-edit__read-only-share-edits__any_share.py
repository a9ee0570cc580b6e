import sqlite3

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)


@app.route("/api/docs/<int:doc_id>", methods=["PUT"])
def save_doc(doc_id: int):
    if "user_id" not in session:
        abort(401)
    body = (request.get_json(silent=True) or {}).get("body", "")
    conn = sqlite3.connect("docs.db")
    try:
        cur = conn.execute(
            "UPDATE docs SET body = ? WHERE id = ? AND (owner_id = ? OR id IN "
            "(SELECT doc_id FROM shares WHERE user_id = ?))", (body, doc_id, session["user_id"], session["user_id"]))
        conn.commit()
        if cur.rowcount == 0:
            abort(404)
    finally:
        conn.close()
    return jsonify({"id": doc_id, "body": body})
