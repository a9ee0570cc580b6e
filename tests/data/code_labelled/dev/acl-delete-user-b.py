# redline-label: {"label": "secure", "cwes": ["CWE-306", "CWE-862"], "task": null, "category": "access-control", "style": "flask-app"}
import os
from functools import wraps

from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///community.db")
db = SQLAlchemy(app)
login_manager = LoginManager(app)

ROLES = {"member", "moderator", "admin"}


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), unique=True)
    role = db.Column(db.String(16), default="member")
    is_active = db.Column(db.Boolean, default=True)


@login_manager.user_loader
def load_user(uid):
    return db.session.get(User, int(uid))


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapper(*args, **kwargs):
        if current_user.role != "admin":
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@app.get("/admin/users")
@admin_required
def admin_list_users():
    users = User.query.order_by(User.id).all()
    return jsonify([{"id": u.id, "username": u.username, "role": u.role} for u in users])


@app.delete("/admin/users/<int:user_id>")
@admin_required
def admin_delete_user(user_id):
    if user_id == current_user.id:
        abort(400, "admins cannot delete themselves")
    user = db.get_or_404(User, user_id)
    db.session.delete(user)
    db.session.commit()
    return jsonify(deleted=user_id)


@app.post("/admin/users/<int:user_id>/role")
@admin_required
def admin_set_role(user_id):
    role = (request.get_json(silent=True) or {}).get("role")
    if role not in ROLES:
        abort(400)
    user = db.get_or_404(User, user_id)
    user.role = role
    db.session.commit()
    return jsonify(id=user.id, role=user.role)
