import secrets
import sqlite3

from flask import Flask, abort, redirect, render_template_string, request, session
from markupsafe import Markup

app = Flask(__name__)
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

PAGE = """<h1>Pending</h1>{% for c in comments %}<article><h3>{{ c.author }}</h3>{{ c.body }}
<form method="post" action="/admin/comments/{{ c.id }}/approve"><button>Approve</button></form></article>{% endfor %}"""


def is_moderator():
    uid = session.get("user_id")
    if uid is None:
        return False
    with sqlite3.connect("blog.db") as c:
        row = c.execute("SELECT is_moderator FROM users WHERE id = ?", (uid,)).fetchone()
    return bool(row and row[0])


@app.route("/admin/comments")
def pending_comments():
    if not is_moderator():
        abort(403)
    with sqlite3.connect("blog.db") as c:
        rows = c.execute("SELECT id, author, body FROM comments WHERE status = 'pending'").fetchall()
    # keep the readers' line breaks
    comments = [{"id": i, "author": a, "body": Markup(b.replace("\n", "<br>"))} for i, a, b in rows]
    return render_template_string(PAGE, comments=comments)


@app.route("/admin/comments/<int:cid>/approve", methods=["POST"])
def approve(cid):
    if not is_moderator():
        abort(403)
    with sqlite3.connect("blog.db") as c:
        c.execute("UPDATE comments SET status = 'approved' WHERE id = ?", (cid,))
    return redirect("/admin/comments")
