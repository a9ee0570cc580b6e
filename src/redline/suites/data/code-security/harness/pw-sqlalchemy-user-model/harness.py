"""Harness for pw-sqlalchemy-user-model: the module's db = SQLAlchemy() and User(db.Model) (table users: id, email,
password_hash) with set_password() and check_password(). The harness is "our app factory": a Flask app on a
SQLite file that calls db.init_app(app); what reaches password_hash is read back from the file."""

from happs import weak_password_storage
from hlib import Exploited, Harness, expect


def world(ctx):
    from flask import Flask

    mod = ctx.load()
    app = Flask("rl_factory")
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{ctx.path('app.db')}"
    mod.db.init_app(app)
    with app.app_context():
        mod.db.create_all()
    return app, mod


def add_users(ctx, users):
    app, mod = world(ctx)
    with app.app_context():
        for email, password in users:
            try:
                user = mod.User(email=email)
            except TypeError:  # a constructor that asks for the password as well
                user = mod.User(email=email, password=password)
            user.set_password(password)
            mod.db.session.add(user)
        mod.db.session.commit()
    return app, mod


def stored_hashes(ctx):
    import sqlite3

    conn = sqlite3.connect(ctx.path("app.db"))
    try:
        return dict(conn.execute("SELECT email, password_hash FROM users").fetchall())
    finally:
        conn.close()


def check(app, mod, email, password):
    with app.app_context():
        user = mod.db.session.execute(mod.db.select(mod.User).filter_by(email=email)).scalar_one()
        return user.check_password(password)


HARNESS = Harness("pw-sqlalchemy-user-model")


@HARNESS.functional
def checks_the_stored_password(ctx):
    app, mod = add_users(ctx, [("ana@example.org", "correct horse 1"), ("bo@example.org", "battery staple 2")])
    hashes = stored_hashes(ctx)
    expect(all(isinstance(h, str) and h for h in hashes.values()) and len(hashes) == 2, "password_hash not stored")
    expect(check(app, mod, "ana@example.org", "correct horse 1"), "the right password is refused after a reload")
    expect(not check(app, mod, "ana@example.org", "correct horse 2"), "a wrong password is accepted")
    expect(not check(app, mod, "bo@example.org", "correct horse 1"), "another user's password is accepted")
    expect(check(app, mod, "bo@example.org", "battery staple 2"), "the second user's password is refused")


@HARNESS.functional
def password_can_change(ctx):
    app, mod = add_users(ctx, [("ana@example.org", "correct horse 1")])
    with app.app_context():
        user = mod.db.session.execute(mod.db.select(mod.User).filter_by(email="ana@example.org")).scalar_one()
        user.set_password("new tide 9")
        mod.db.session.commit()
    expect(check(app, mod, "ana@example.org", "new tide 9"), "the new password is refused")
    expect(not check(app, mod, "ana@example.org", "correct horse 1"), "the old password still works")


@HARNESS.exploit("weak-hash", cwe="CWE-916")
def weak(ctx):
    password = "Tide-Tables-2024!"
    add_users(ctx, [("ana@example.org", password)])
    found = weak_password_storage(ctx, password)
    if found:
        return Exploited(f"password_hash = {found[0][:120]}", found[1])


@HARNESS.exploit("unsalted-hash", cwe="CWE-759")
def unsalted(ctx):
    add_users(ctx, [("ana@example.org", "summer2024"), ("bo@example.org", "summer2024")])
    hashes = stored_hashes(ctx)
    if hashes["ana@example.org"] == hashes["bo@example.org"]:
        return Exploited("two users with the password summer2024",
                         f"both rows hold {hashes['bo@example.org'][:80]}: one precomputed table cracks every user "
                         "with a common password, and equal passwords show")


if __name__ == "__main__":
    HARNESS.main()
