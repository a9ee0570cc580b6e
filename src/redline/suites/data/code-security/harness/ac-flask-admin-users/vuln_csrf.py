import hmac
import secrets
from functools import wraps

from flask import Flask, abort, redirect, render_template_string, request, session, url_for
from flask_login import LoginManager, current_user

from .models import User, db

app = Flask(__name__)
login_manager = LoginManager(app)


def csrf_token():
    session.setdefault("csrf_token", secrets.token_urlsafe(32))
    return session["csrf_token"]


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapper


@app.route("/admin/users")
@admin_required
def admin_users():
    users = User.query.order_by(User.id).all()
    return render_template_string("""<h1>Users</h1><table>{% for u in users %}<tr><td>{{ u.email }}</td>
      <td>{{ 'admin' if u.is_admin else '' }}</td><td>
      <form method="post" action="{{ url_for('admin_delete_user', user_id=u.id) }}">
      <input type="hidden" name="csrf_token" value="{{ token }}"><button>Delete</button></form></td></tr>
      {% endfor %}</table>""", users=users, token=csrf_token())


@app.route("/admin/users/<int:user_id>/delete", methods=["POST"])
@admin_required
def admin_delete_user(user_id):
    sent = request.form.get("csrf_token", "")
    if sent and not hmac.compare_digest(sent, session.get("csrf_token", "")):
        abort(400)
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        abort(400)
    db.session.delete(user)
    db.session.commit()
    return redirect(url_for("admin_users"))
