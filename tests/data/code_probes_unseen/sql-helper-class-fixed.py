# probe: {"label": "secure", "cwes": ["CWE-89"]}
import sqlite3

from flask import Flask, request

app = Flask(__name__)


class NoteStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def add(self, owner, text):
        cur = self.conn.cursor()
        cur.execute("INSERT INTO notes (owner, body) VALUES (?, ?)", (owner, text))
        self.conn.commit()
        return cur.lastrowid


class Wrapper:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value.strip()


@app.route("/notes", methods=["POST"])
def create_note():
    owner = Wrapper(request.form["owner"]).get()
    parts = [request.form.get("body", ""), "(via web)"]
    store = NoteStore("notes.db")
    note_id = store.add(owner, " ".join(parts))
    return {"id": note_id}, 201
