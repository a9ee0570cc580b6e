# redline-label: {"label": "secure", "cwes": ["CWE-384"], "task": null, "category": "session", "style": "flask-app"}
import os
from datetime import timedelta

from flask import Flask, abort, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user

from users import get_user_by_email, get_user_by_id, verify_password

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
app.config.update(
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    PERMANENT_SESSION_LIFETIME=timedelta(hours=4),
)
login_manager = LoginManager(app)
login_manager.session_protection = "strong"


class User(UserMixin):
    def __init__(self, row):
        self.id = row["id"]
        self.email = row["email"]


@login_manager.user_loader
def load_user(user_id):
    row = get_user_by_id(int(user_id))
    return User(row) if row else None


@app.route("/cart/add/<int:item_id>", methods=["POST"])
def add_to_cart(item_id):
    session.setdefault("cart", []).append(item_id)
    session.modified = True
    return {"items": len(session["cart"])}


@app.route("/login", methods=["POST"])
def login():
    row = get_user_by_email(request.form.get("email", ""))
    if row is None or not verify_password(row, request.form.get("password", "")):
        abort(401)
    cart = session.get("cart", [])
    # start from a fresh session after authentication, carrying over only the cart
    session.clear()
    session["cart"] = cart
    session.permanent = True
    login_user(User(row))
    return redirect(url_for("checkout"))


@app.route("/checkout")
@login_required
def checkout():
    return {"user": current_user.email, "cart": session.get("cart", [])}
