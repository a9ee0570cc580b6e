import functools
import os
import sqlite3

from flask import Flask, abort, g, redirect, render_template_string, session, url_for
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", os.urandom(32))
csrf = CSRFProtect(app)

TEMPLATE = """
<h1>Moderation</h1>
<ul>
{% for c in comments %}
  <li><strong>{{ c.author }}</strong>: {{ c.body }}
    <form method="post" action="/admin/comments/{{ c.id }}/approve">
      <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
      <button type="submit">Approve</button>
    </form>
  </li>
{% endfor %}
</ul>
"""


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("blog.db")
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def moderator_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        uid = session.get("user_id")
        if uid is None:
            return redirect("/login")
        user = get_db().execute("SELECT is_moderator FROM users WHERE id = ?", (uid,)).fetchone()
        if not user or user["is_moderator"] != 1:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


@app.route("/admin/comments")
@moderator_required
def pending_comments():
    rows = get_db().execute("SELECT id, author, body FROM comments WHERE status = ?", ("pending",)).fetchall()
    return render_template_string(TEMPLATE, comments=rows)


@app.route("/admin/comments/<int:comment_id>/approve", methods=["POST"])
@moderator_required
def approve(comment_id):
    db = get_db()
    db.execute("UPDATE comments SET status = 'approved' WHERE id = ?", (comment_id,))
    db.commit()
    return redirect(url_for("pending_comments"))
