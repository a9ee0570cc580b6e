"""Members' directory: profile pages with photos, document uploads and downloads, and an admin page.

Pages: /members, /members/<id>, /upload (photo or document), /files/<filename>, /admin/files (remove files).
Storage: sqlite3 database directory.db; uploaded files in ./uploads.
"""
import os
import sqlite3
import uuid
from functools import wraps

from flask import Flask, abort, g, redirect, render_template_string, request, send_from_directory, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], MAX_CONTENT_LENGTH=10 * 2**20,
                  SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SECURE=True, SESSION_COOKIE_SAMESITE="Lax")
UPLOAD_DIR = os.path.abspath("uploads")
ALLOWED = {"photo": {".png", ".jpg", ".jpeg"}, "document": {".pdf", ".docx", ".odt"}}


def db():
    if "db" not in g:
        g.db = sqlite3.connect("directory.db")
        g.db.row_factory = sqlite3.Row
        g.db.executescript(
            "CREATE TABLE IF NOT EXISTS members (id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT,"
            " password_hash TEXT, is_admin INTEGER DEFAULT 0, photo TEXT);"
            "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, member_id INTEGER, stored TEXT,"
            " original TEXT);")
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def login_required(admin=False):
    def wrap(view):
        @wraps(view)
        def inner(*args, **kwargs):
            uid = session.get("member_id")
            if uid is None:
                return redirect(url_for("login"))
            row = db().execute("SELECT is_admin FROM members WHERE id = ?", (uid,)).fetchone()
            if row is None or (admin and not row["is_admin"]):
                abort(403)
            return view(*args, **kwargs)
        return inner
    return wrap


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = db().execute("SELECT id, password_hash FROM members WHERE email = ?",
                           (request.form.get("email", ""),)).fetchone()
        if row and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session["member_id"] = row["id"]
            return redirect(url_for("members"))
    return render_template_string('<form method="post"><input name="email"><input type="password" name="password">'
                                  "<button>Log in</button></form>")


@app.get("/members")
@login_required()
def members():
    rows = db().execute("SELECT id, name FROM members ORDER BY name").fetchall()
    return render_template_string("{% for m in rows %}<a href='/members/{{ m.id }}'>{{ m.name }}</a>{% endfor %}",
                                  rows=rows)


@app.get("/members/<int:member_id>")
@login_required()
def profile(member_id):
    member = db().execute("SELECT id, name, photo FROM members WHERE id = ?", (member_id,)).fetchone() or abort(404)
    docs = db().execute("SELECT stored, original FROM documents WHERE member_id = ?", (member_id,)).fetchall()
    return render_template_string("<h1>{{ m.name }}</h1>{% for d in docs %}<a href='/files/{{ d.stored }}'>"
                                  "{{ d.original }}</a>{% endfor %}", m=member, docs=docs)


@app.route("/upload", methods=["GET", "POST"])
@login_required()
def upload():
    if request.method == "GET":
        return render_template_string('<form method="post" enctype="multipart/form-data"><input type="file" '
                                      'name="file"><select name="kind"><option>document</option><option>photo'
                                      "</option></select><button>Upload</button></form>")
    kind = request.form.get("kind", "document")
    upload = request.files.get("file")
    ext = os.path.splitext(upload.filename or "")[1].lower() if upload else ""
    if kind not in ALLOWED or ext not in ALLOWED[kind]:
        abort(400, "file type not allowed")
    stored = uuid.uuid4().hex + ext
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    upload.save(os.path.join(UPLOAD_DIR, stored))
    if kind == "photo":
        db().execute("UPDATE members SET photo = ? WHERE id = ?", (stored, session["member_id"]))
    else:
        db().execute("INSERT INTO documents (member_id, stored, original) VALUES (?, ?, ?)",
                     (session["member_id"], stored, upload.filename))
    db().commit()
    return redirect(url_for("profile", member_id=session["member_id"]))


@app.get("/files/<filename>")
@login_required()
def files(filename):
    return send_from_directory(UPLOAD_DIR, filename, as_attachment=not filename.endswith((".png", ".jpg", ".jpeg")))


@app.route("/admin/files", methods=["GET", "POST"])
@login_required(admin=True)
def admin_files():
    if request.method == "POST":
        stored = os.path.basename(request.form.get("filename", ""))
        path = os.path.join(UPLOAD_DIR, stored)
        if stored and os.path.isfile(path):
            os.remove(path)
            db().execute("DELETE FROM documents WHERE stored = ?", (stored,))
            db().execute("UPDATE members SET photo = NULL WHERE photo = ?", (stored,))
            db().commit()
    names = sorted(os.listdir(UPLOAD_DIR)) if os.path.isdir(UPLOAD_DIR) else []
    return render_template_string("{% for n in names %}<form method='post'><input type='hidden' name='filename' "
                                  "value='{{ n }}'>{{ n }} <button>Remove</button></form>{% endfor %}", names=names)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)
