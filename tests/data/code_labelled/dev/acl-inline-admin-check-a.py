# redline-label: {"label": "secure", "cwes": ["CWE-862", "CWE-306"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, abort, jsonify, request
from flask_login import LoginManager, current_user

from models import Setting, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db.init_app(app)
login_manager = LoginManager(app)


def _ensure_admin():
    if not current_user.is_authenticated:
        abort(401)
    if not getattr(current_user, "is_admin", False):
        abort(403)


@app.route("/admin/maintenance", methods=["GET", "POST"])
def maintenance_mode():
    _ensure_admin()
    setting = Setting.query.filter_by(key="maintenance").first_or_404()
    if request.method == "POST":
        setting.value = "on" if request.json.get("enabled") else "off"
        db.session.commit()
    return jsonify(maintenance=setting.value == "on")


@app.post("/admin/cache/flush")
def flush_cache():
    _ensure_admin()
    from cache import flush_all

    return jsonify(flushed=flush_all())
