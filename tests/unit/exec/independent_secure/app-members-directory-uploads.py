# Independent secure reference for app-members-directory-uploads.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Members' directory: profile pages with photos, document uploads and downloads, and an admin page."""
import hmac
import os
import secrets
import sqlite3
import uuid
from functools import wraps

from flask import Flask, abort, g, redirect, render_template_string, request, send_from_directory, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_hex(32),
    MAX_CONTENT_LENGTH=10 * 1024 * 1024,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
DB_PATH = "directory.db"
UPLOAD_DIR = os.path.abspath("uploads")
PHOTO_TYPES = {"png", "jpg", "jpeg", "gif", "webp"}
DOCUMENT_TYPES = {"pdf", "doc", "docx", "odt", "txt", "png", "jpg", "jpeg"}
_DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16))


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_db() -> None:
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    with sqlite3.connect(DB_PATH) as conn:
        conn.executescript(
            "CREATE TABLE IF NOT EXISTS members (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT UNIQUE NOT NULL,"
            " name TEXT NOT NULL, password_hash TEXT NOT NULL, photo TEXT, is_admin INTEGER NOT NULL DEFAULT 0);"
            "CREATE TABLE IF NOT EXISTS files (id INTEGER PRIMARY KEY AUTOINCREMENT, member_id INTEGER NOT NULL,"
            " stored_name TEXT UNIQUE NOT NULL, original_name TEXT NOT NULL, kind TEXT NOT NULL);"
        )


init_db()


def csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


app.jinja_env.globals["csrf_token"] = csrf_token


@app.before_request
def load_user_and_check_csrf():
    g.user = None
    if "member_id" in session:
        g.user = get_db().execute("SELECT * FROM members WHERE id = ?", (session["member_id"],)).fetchone()
    if request.method == "POST":
        sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("login"))
        return view(*args, **kwargs)

    return wrapped


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("login"))
        if not g.user["is_admin"]:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


FORM_CSRF = '<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">'
AUTH_PAGE = (
    "<!doctype html><h1>{{ title }}</h1>{% if error %}<p>{{ error }}</p>{% endif %}<form method=\"post\">"
    + FORM_CSRF
    + "{% if title == 'Register' %}<input name=\"name\" placeholder=Name>{% endif %}"
    "<input name=\"email\" type=\"email\"><input name=\"password\" type=\"password\"><button>{{ title }}</button></form>"
)
MEMBERS_PAGE = (
    "<!doctype html><h1>Members</h1><ul>{% for m in members %}"
    "<li><a href=\"{{ url_for('member', member_id=m['id']) }}\">{{ m['name'] }}</a></li>{% endfor %}</ul>"
)
PROFILE_PAGE = (
    "<!doctype html><h1>{{ member['name'] }}</h1>"
    "{% if member['photo'] %}<img src=\"{{ url_for('download', filename=member['photo']) }}\" alt=photo>{% endif %}"
    "<ul>{% for f in files %}<li><a href=\"{{ url_for('download', filename=f['stored_name']) }}\">"
    "{{ f['original_name'] }}</a></li>{% endfor %}</ul>"
    "{% if own %}<form method=\"post\" action=\"{{ url_for('upload') }}\" enctype=multipart/form-data>"
    + FORM_CSRF
    + "<select name=\"kind\"><option value=document>Document</option><option value=photo>Photo</option></select>"
    "<input type=\"file\" name=\"file\"><button>Upload</button></form>{% endif %}"
)
ADMIN_PAGE = (
    "<!doctype html><h1>Files</h1><table>{% for f in files %}<tr><td>{{ f['member_name'] }}</td>"
    "<td>{{ f['original_name'] }}</td><td>{{ f['kind'] }}</td><td><form method=\"post\">"
    + FORM_CSRF
    + "<input type=\"hidden\" name=\"file_id\" value=\"{{ f['id'] }}\"><button>Remove</button></form></td></tr>"
    "{% endfor %}</table>"
)


@app.route("/register", methods=["GET", "POST"])
def register():
    error = None
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        name = request.form.get("name", "").strip()
        password = request.form.get("password", "")
        if "@" not in email or not name or len(password) < 8:
            error = "Invalid details."
        else:
            try:
                db = get_db()
                db.execute(
                    "INSERT INTO members (email, name, password_hash) VALUES (?, ?, ?)",
                    (email, name, generate_password_hash(password)),
                )
                db.commit()
                return redirect(url_for("login"))
            except sqlite3.IntegrityError:
                error = "Cannot register that email."
    return render_template_string(AUTH_PAGE, title="Register", error=error)


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        row = get_db().execute("SELECT * FROM members WHERE email = ?", (email,)).fetchone()
        stored = row["password_hash"] if row else _DUMMY_HASH
        if check_password_hash(stored, request.form.get("password", "")) and row:
            session.clear()
            session["member_id"] = row["id"]
            return redirect(url_for("member", member_id=row["id"]))
        error = "Wrong email or password."
    return render_template_string(AUTH_PAGE, title="Log in", error=error)


@app.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/members")
@login_required
def members():
    rows = get_db().execute("SELECT id, name FROM members ORDER BY name").fetchall()
    return render_template_string(MEMBERS_PAGE, members=rows)


@app.route("/members/<int:member_id>")
@login_required
def member(member_id: int):
    db = get_db()
    row = db.execute("SELECT id, name, photo FROM members WHERE id = ?", (member_id,)).fetchone()
    if row is None:
        abort(404)
    files = db.execute(
        "SELECT stored_name, original_name FROM files WHERE member_id = ? AND kind = 'document'", (member_id,)
    ).fetchall()
    return render_template_string(PROFILE_PAGE, member=row, files=files, own=g.user["id"] == member_id)


@app.route("/upload", methods=["POST"])
@login_required
def upload():
    kind = request.form.get("kind", "document")
    if kind not in ("photo", "document"):
        abort(400)
    file = request.files.get("file")
    if file is None or not file.filename:
        abort(400)
    original = os.path.basename(file.filename.replace("\\", "/"))[:200]
    ext = original.rsplit(".", 1)[-1].lower() if "." in original else ""
    allowed = PHOTO_TYPES if kind == "photo" else DOCUMENT_TYPES
    if ext not in allowed:
        abort(400, "file type not allowed")
    stored = f"{uuid.uuid4().hex}.{ext}"  # server-chosen name: no traversal, no overwrite, no executable type
    file.save(os.path.join(UPLOAD_DIR, stored))
    db = get_db()
    db.execute(
        "INSERT INTO files (member_id, stored_name, original_name, kind) VALUES (?, ?, ?, ?)",
        (g.user["id"], stored, original, kind),
    )
    if kind == "photo":
        db.execute("UPDATE members SET photo = ? WHERE id = ?", (stored, g.user["id"]))
    db.commit()
    return redirect(url_for("member", member_id=g.user["id"]))


@app.route("/files/<filename>")
@login_required
def download(filename: str):
    row = get_db().execute("SELECT stored_name, original_name, kind FROM files WHERE stored_name = ?", (filename,))
    row = row.fetchone()
    if row is None:
        abort(404)
    return send_from_directory(
        UPLOAD_DIR, row["stored_name"], as_attachment=row["kind"] != "photo", download_name=row["original_name"]
    )


@app.route("/admin/files", methods=["GET", "POST"])
@admin_required
def admin_files():
    db = get_db()
    if request.method == "POST":
        row = db.execute("SELECT * FROM files WHERE id = ?", (request.form.get("file_id", type=int),)).fetchone()
        if row is None:
            abort(404)
        path = os.path.join(UPLOAD_DIR, row["stored_name"])
        if os.path.exists(path):
            os.remove(path)
        db.execute("DELETE FROM files WHERE id = ?", (row["id"],))
        db.execute("UPDATE members SET photo = NULL WHERE photo = ?", (row["stored_name"],))
        db.commit()
        return redirect(url_for("admin_files"))
    files = db.execute(
        "SELECT files.id, files.original_name, files.kind, members.name AS member_name FROM files"
        " JOIN members ON members.id = files.member_id ORDER BY files.id"
    ).fetchall()
    return render_template_string(ADMIN_PAGE, files=files)


@app.after_request
def security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'")
    return response


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
