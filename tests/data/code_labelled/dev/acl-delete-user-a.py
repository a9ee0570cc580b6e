# redline-label: {"label": "vulnerable", "cwes": ["CWE-306", "CWE-862"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, jsonify, request
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///community.db")
db = SQLAlchemy(app)
login_manager = LoginManager(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), unique=True)
    role = db.Column(db.String(16), default="member")
    is_active = db.Column(db.Boolean, default=True)


@login_manager.user_loader
def load_user(uid):
    return db.session.get(User, int(uid))


@app.get("/api/profile")
@login_required
def profile():
    return jsonify(id=current_user.id, username=current_user.username)


@app.get("/admin/users")
def admin_list_users():
    users = User.query.order_by(User.id).all()
    return jsonify([{"id": u.id, "username": u.username, "role": u.role} for u in users])


@app.delete("/admin/users/<int:user_id>")
def admin_delete_user(user_id):
    user = db.get_or_404(User, user_id)
    db.session.delete(user)
    db.session.commit()
    return jsonify(deleted=user_id)


@app.post("/admin/users/<int:user_id>/role")
def admin_set_role(user_id):
    user = db.get_or_404(User, user_id)
    user.role = request.json.get("role", "member")
    db.session.commit()
    return jsonify(id=user.id, role=user.role)
