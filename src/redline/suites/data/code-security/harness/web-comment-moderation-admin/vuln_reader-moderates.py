import secrets
import sqlite3

from flask import Flask, abort, redirect, render_template_string, request, session, url_for

app = Flask(__name__)

PAGE = """<!doctype html><h1>Pending comments</h1>
{% for c in comments %}<div class="comment"><b>{{ c['author'] }}</b><p>{{ c['body'] }}</p>
<form method="post" action="{{ url_for('approve_comment', comment_id=c['id']) }}">
<input type="hidden" name="csrf_token" value="{{ token }}"><button>Approve</button></form></div>
{% else %}<p>Nothing to moderate.</p>{% endfor %}"""


def db():
    conn = sqlite3.connect("blog.db")
    conn.row_factory = sqlite3.Row
    return conn


def require_moderator():
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    with db() as conn:
        row = conn.execute("SELECT is_moderator FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        abort(403)


@app.route("/admin/comments")
def pending_comments():
    require_moderator()
    session.setdefault("csrf_token", secrets.token_urlsafe(32))
    with db() as conn:
        comments = conn.execute("SELECT id, author, body FROM comments WHERE status = 'pending' ORDER BY id").fetchall()
    return render_template_string(PAGE, comments=comments, token=session["csrf_token"])


@app.route("/admin/comments/<int:comment_id>/approve", methods=["POST"])
def approve_comment(comment_id: int):
    require_moderator()
    if not secrets.compare_digest(request.form.get("csrf_token", ""), session.get("csrf_token", "-")):
        abort(400)
    with db() as conn:
        conn.execute("UPDATE comments SET status = 'approved' WHERE id = ?", (comment_id,))
    return redirect(url_for("pending_comments"))
