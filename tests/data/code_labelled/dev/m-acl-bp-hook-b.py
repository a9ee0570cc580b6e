# redline-label: {"label": "secure", "cwes": ["CWE-285", "CWE-862"], "task": null, "category": "access-control", "style": "flask-app"}
from flask import Blueprint, abort, jsonify, request
from flask_login import current_user

from .models import Coupon, User, db

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


@admin_bp.before_request
def require_admin():
    """Runs before every view in this blueprint: staff with the admin role only."""
    if not current_user.is_authenticated:
        abort(401)
    if current_user.role != "admin":
        abort(403)


@admin_bp.get("/users")
def list_users():
    users = User.query.order_by(User.created_at.desc()).limit(200).all()
    return jsonify([{"id": u.id, "email": u.email, "role": u.role} for u in users])


@admin_bp.post("/users/<int:user_id>/role")
def set_role(user_id: int):
    role = request.json.get("role")
    if role not in {"member", "moderator", "admin"}:
        abort(400)
    user = db.get_or_404(User, user_id)
    user.role = role
    db.session.commit()
    return jsonify(id=user.id, role=user.role)


@admin_bp.post("/coupons")
def create_coupon():
    data = request.get_json()
    coupon = Coupon(code=data["code"], percent_off=int(data["percent_off"]))
    db.session.add(coupon)
    db.session.commit()
    return jsonify(id=coupon.id), 201
