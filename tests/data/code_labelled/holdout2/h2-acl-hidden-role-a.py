# redline-label: {"label": "vulnerable", "cwes": ["CWE-285", "CWE-639"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, abort, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required
from flask_wtf import CSRFProtect

from models import Announcement, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db.init_app(app)
CSRFProtect(app)
LoginManager(app)


@app.get("/announcements/new")
@login_required
def new_announcement():
    # the template renders <input type="hidden" name="role" value="{{ current_user.role }}">
    return render_template("announcement_form.html")


@app.post("/announcements")
@login_required
def create_announcement():
    if request.form.get("role") not in ("editor", "admin"):
        abort(403)
    db.session.add(
        Announcement(
            title=request.form["title"][:200],
            body=request.form["body"],
            pinned=request.form.get("pinned") == "on",
            author_id=current_user.id,
        )
    )
    db.session.commit()
    return redirect(url_for("new_announcement"))
