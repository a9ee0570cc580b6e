# redline-label: {"label": "vulnerable", "cwes": ["CWE-285", "CWE-862"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required
from flask_wtf import CSRFProtect

from models import SiteSetting, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db.init_app(app)
CSRFProtect(app)
LoginManager(app)


@app.route("/admin/settings", methods=["GET", "POST"])
@login_required
def site_settings():
    if not current_user.is_admin:
        flash("Only administrators can change site settings.", "error")

    if request.method == "POST":
        for key in ("site_name", "registration_open", "maintenance_mode"):
            setting = SiteSetting.query.filter_by(key=key).first()
            if setting is not None and key in request.form:
                setting.value = request.form[key]
        db.session.commit()
        flash("Settings saved.", "success")
        return redirect(url_for("site_settings"))

    settings = {s.key: s.value for s in SiteSetting.query.all()}
    return render_template("admin/settings.html", settings=settings)
