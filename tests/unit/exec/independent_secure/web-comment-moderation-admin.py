# Independent secure reference for web-comment-moderation-admin, written from the task prompt only (without seeing the harness tests).
"""Moderation pages: only moderators see pending comments (escaped) and approve them with a CSRF-checked POST."""
import hmac
import secrets
import sqlite3

from flask import Flask, abort, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
DB_PATH = "blog.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Pending comments</title></head>
<body>
<h1>Pending comments</h1>
{% if not comments %}<p>No comments are waiting for moderation.</p>{% endif %}
<ul>
{% for c in comments %}
  <li id="comment-{{ c['id'] }}">
    <p><strong>{{ c['author'] }}</strong></p>
    <p>{{ c['body'] }}</p>
    <form method="post" action="{{ url_for('approve_comment', comment_id=c['id']) }}">
      <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
      <button type="submit">Approve</button>
    </form>
  </li>
{% endfor %}
</ul>
</body></html>"""


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def _require_moderator(conn: sqlite3.Connection) -> None:
    """401 without a login, 403 for a logged-in user who is not a moderator."""
    user_id = session.get("user_id")
    if user_id is None or isinstance(user_id, bool):
        abort(401)
    row = conn.execute("SELECT is_moderator FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        abort(401)
    if row["is_moderator"] not in (1, "1"):
        abort(403)


def _csrf_token() -> str:
    token = session.get("csrf_token")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session["csrf_token"] = token
    return token


def _check_csrf() -> None:
    expected = session.get("csrf_token")
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    if not isinstance(expected, str) or not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(403)


@app.after_request
def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'; script-src 'none'")
    return response


@app.route("/admin/comments")
def pending_comments():
    """List the pending comments (author and text), each with an Approve button."""
    conn = _connect()
    try:
        _require_moderator(conn)
        comments = conn.execute(
            "SELECT id, author, body FROM comments WHERE status = 'pending' ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    # render_template_string autoescapes: author and body are shown as text, never as markup.
    return render_template_string(PAGE, comments=comments, csrf_token=_csrf_token())


@app.route("/admin/comments/<int:comment_id>/approve", methods=["POST"])
def approve_comment(comment_id: int):
    """Mark one pending comment approved (moderators only, CSRF token required)."""
    conn = _connect()
    try:
        _require_moderator(conn)
        _check_csrf()
        cur = conn.execute(
            "UPDATE comments SET status = 'approved' WHERE id = ? AND status = 'pending'", (comment_id,)
        )
        conn.commit()
        if cur.rowcount == 0:
            exists = conn.execute("SELECT 1 FROM comments WHERE id = ?", (comment_id,)).fetchone()
            if exists is None:
                abort(404)
    finally:
        conn.close()
    return redirect(url_for("pending_comments"))
