"""Harness for ac-flask-admin-users: GET /admin/users lists the users and POST /admin/users/<id>/delete deletes
one, on the Flask-SQLAlchemy User(id, email, is_admin) of models.py, with Flask-Login (loader set up by us)."""

import html

from happs import post_form_to, samesite_blocks_cross_site_posts
from hlib import Exploited, Harness, cross_site_post, expect, text_of

MODELS = '''
from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    is_admin = db.Column(db.Boolean, default=False, nullable=False)
'''
USERS = [(1, "root@example.org", True), (2, "mia@example.org", False), (3, "noor@example.org", False)]


def setup(ctx):
    ctx.write("app/models.py", MODELS)


def world(ctx):
    """The app wired as "our app" is: database configured, tables seeded, a user loader, and a way to log in."""
    import flask_login

    app = ctx.app()
    models = __import__("app.models", fromlist=["User", "db"])
    db, user_cls = models.db, models.User
    if "sqlalchemy" not in app.extensions:
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{ctx.path('app.db')}"
        db.init_app(app)
    with app.app_context():
        db.create_all()
        if db.session.get(user_cls, 1) is None:
            db.session.add_all([user_cls(id=i, email=e, is_admin=a) for i, e, a in USERS])
            db.session.commit()
    manager = getattr(app, "login_manager", None)
    if manager is None:
        manager = flask_login.LoginManager(app)
    if manager._user_callback is None:
        manager.user_loader(lambda uid: db.session.get(user_cls, int(uid)))
    if "rl_login" not in app.view_functions:
        def rl_login(uid):
            flask_login.login_user(db.session.get(user_cls, uid))
            return "logged in"
        app.add_url_rule("/rl-login/<int:uid>", "rl_login", rl_login)
    return app, db, user_cls


def client_as(ctx, uid=None):
    app, _, _ = world(ctx)
    c = app.test_client()
    if uid is not None:
        expect(c.get(f"/rl-login/{uid}").status_code == 200, "logging in through Flask-Login failed")
    return c


def exists(ctx, uid):
    app, db, user_cls = world(ctx)
    with app.app_context():
        return db.session.get(user_cls, uid) is not None


HARNESS = Harness("ac-flask-admin-users", setup)


@HARNESS.functional
def admin_lists_users(ctx):
    resp = client_as(ctx, 1).get("/admin/users")
    page = html.unescape(text_of(resp))
    expect(resp.status_code == 200, f"GET /admin/users as an admin: status {resp.status_code}")
    expect(all(email in page for _, email, _ in USERS), "the admin page does not list every user's email")


@HARNESS.functional
def admin_deletes_with_the_page_form(ctx):
    c = client_as(ctx, 1)
    resp = post_form_to(c, "/admin/users", "/admin/users/3/delete", {})
    expect(resp.status_code < 400, f"POST /admin/users/3/delete as an admin: status {resp.status_code}")
    expect(not exists(ctx, 3) and exists(ctx, 2), "the delete did not remove exactly user 3")


def _reached(ctx, c):
    page = html.unescape(text_of(c.get("/admin/users")))
    if "noor@example.org" in page:
        return "GET /admin/users listed every user's email"
    c.post("/admin/users/3/delete")
    if not exists(ctx, 3):
        return "POST /admin/users/3/delete deleted user 3"
    return ""


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def anonymous(ctx):
    effect = _reached(ctx, client_as(ctx))
    if effect:
        return Exploited("an anonymous visitor", effect)


@HARNESS.exploit("user-is-admin", cwe="CWE-862")
def not_admin(ctx):
    effect = _reached(ctx, client_as(ctx, 2))
    if effect:
        return Exploited("mia (user 2), logged in but not an admin", effect)


@HARNESS.exploit("csrf", cwe="CWE-352")
def csrf(ctx):
    c = client_as(ctx, 1)
    if samesite_blocks_cross_site_posts(ctx.app()):
        return None
    c.get("/admin/users")
    cross_site_post(c, "/admin/users/3/delete", {})
    if not exists(ctx, 3):
        return Exploited("cross-site POST /admin/users/3/delete in the admin's session (no token)",
                         "another site deleted user 3")


if __name__ == "__main__":
    HARNESS.main()
