# Independent secure reference for ac-flask-admin-users.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Admin section: only logged-in admins may list or delete users; deletes need the form's CSRF token."""
import hmac
import secrets
from functools import wraps

from flask import Flask, abort, redirect, render_template_string, request, session, url_for
from flask_login import LoginManager, current_user

from .models import User, db

app = Flask(__name__)
login_manager = LoginManager(app)


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            abort(401)
        if not getattr(current_user, "is_admin", False):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _csrf_token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


def _check_csrf() -> None:
    sent, expected = request.form.get("csrf_token", ""), session.get("csrf_token", "")
    if not expected or not hmac.compare_digest(sent, expected):
        abort(400, "missing or invalid CSRF token")


PAGE = """<!doctype html><title>Users</title><h1>Users</h1><table>
{% for u in users %}<tr><td>{{ u.email }}</td><td>{% if u.is_admin %}admin{% endif %}</td><td>
<form method="post" action="{{ url_for('admin_delete_user', user_id=u.id) }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}"><button>Delete</button></form></td></tr>
{% endfor %}</table>"""


@app.route("/admin/users")
@admin_required
def admin_users():
    """List all users with a delete button each."""
    users = db.session.execute(db.select(User).order_by(User.id)).scalars().all()
    return render_template_string(PAGE, users=users, csrf_token=_csrf_token())


@app.route("/admin/users/<int:user_id>/delete", methods=["POST"])
@admin_required
def admin_delete_user(user_id: int):
    """Delete one user (POST only, with the CSRF token from the list page)."""
    _check_csrf()
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    db.session.delete(user)
    db.session.commit()
    return redirect(url_for("admin_users"))
