# redline-label: {"label": "secure", "cwes": ["CWE-639", "CWE-863"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, current_user, login_required

from models import Note, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///notes.db")
db.init_app(app)
LoginManager(app)


def own_note_or_404(note_id: int) -> Note:
    # filtering by owner means another user's id looks exactly like a missing note
    return Note.query.filter_by(id=note_id, owner_id=current_user.id).first_or_404()


@app.get("/api/notes/<int:note_id>")
@login_required
def get_note(note_id):
    note = own_note_or_404(note_id)
    return jsonify(id=note.id, title=note.title, body=note.body)


@app.put("/api/notes/<int:note_id>")
@login_required
def update_note(note_id):
    note = own_note_or_404(note_id)
    data = request.get_json(silent=True) or {}
    note.title = str(data.get("title", note.title))[:200]
    note.body = str(data.get("body", note.body))
    db.session.commit()
    return jsonify(id=note.id)


@app.delete("/api/notes/<int:note_id>")
@login_required
def delete_note(note_id):
    note = own_note_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return "", 204
