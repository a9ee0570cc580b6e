# redline-label: {"label": "secure", "cwes": ["CWE-306", "CWE-862"], "task": null, "category": "access-control", "style": "flask-app"}
"""Admin blueprint for the plant telemetry service.

Authorisation is enforced once for the whole blueprint in before_request,
so individual routes do not repeat it.
"""
from flask import Blueprint, abort, g, jsonify, request

from .auth import load_operator_from_session
from .devices import DeviceRegistry

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")
registry = DeviceRegistry()


@admin_bp.before_request
def require_plant_admin():
    operator = load_operator_from_session()
    if operator is None:
        abort(401)
    if "plant-admin" not in operator.roles:
        abort(403)
    g.operator = operator


@admin_bp.get("/devices")
def list_devices():
    return jsonify([d.to_dict() for d in registry.all()])


@admin_bp.post("/devices/<device_id>/setpoint")
def change_setpoint(device_id):
    value = float(request.json["value"])
    registry.set_setpoint(device_id, value, changed_by=g.operator.id)
    return jsonify(device=device_id, setpoint=value)


@admin_bp.delete("/devices/<device_id>")
def decommission(device_id):
    registry.remove(device_id, changed_by=g.operator.id)
    return "", 204
