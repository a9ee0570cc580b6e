# redline-label: {"label": "vulnerable", "cwes": ["CWE-384"], "task": null, "category": "session", "style": "flask-app"}
import os
from datetime import timedelta

from flask import Flask, abort, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required

from users import get_user_by_email, verify_password

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
app.config.update(
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    PERMANENT_SESSION_LIFETIME=timedelta(hours=4),
)
login_manager = LoginManager(app)


class User(UserMixin):
    def __init__(self, row):
        self.id = row["id"]
        self.email = row["email"]


@login_manager.user_loader
def load_user(user_id):
    from users import get_user_by_id

    row = get_user_by_id(int(user_id))
    return User(row) if row else None


@app.route("/cart/add/<int:item_id>", methods=["POST"])
def add_to_cart(item_id):
    # anonymous visitors can fill a cart before logging in
    session.setdefault("cart", []).append(item_id)
    session.modified = True
    return {"items": len(session["cart"])}


@app.route("/login", methods=["POST"])
def login():
    row = get_user_by_email(request.form.get("email", ""))
    if row is None or not verify_password(row, request.form.get("password", "")):
        abort(401)
    # keep the existing session so the cart survives the login
    session["_user_id"] = str(row["id"])
    session["_fresh"] = True
    session.permanent = True
    return redirect(url_for("checkout"))


@app.route("/checkout")
@login_required
def checkout():
    return {"user": current_user.email, "cart": session.get("cart", [])}
