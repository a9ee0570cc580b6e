# redline-label: {"label": "vulnerable", "cwes": ["CWE-862", "CWE-285"], "task": null, "category": "access-control", "style": "flask-app"}
import os

from flask import Flask, jsonify, request
from flask_login import LoginManager, current_user, login_required

from models import AuditLog, Setting, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
db.init_app(app)
login_manager = LoginManager(app)


@app.get("/admin/settings")
@login_required
def get_settings():
    return jsonify({s.key: s.value for s in Setting.query.all()})


@app.put("/admin/settings/<key>")
@login_required
def update_setting(key):
    """Change a site-wide setting (registration open, maintenance mode, ...)."""
    setting = Setting.query.filter_by(key=key).first_or_404()
    old = setting.value
    setting.value = str(request.json["value"])
    db.session.add(AuditLog(user_id=current_user.id, action=f"setting {key}: {old} -> {setting.value}"))
    db.session.commit()
    return jsonify(key=key, value=setting.value)
