# Independent secure reference for app-telemetry-ingestion.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Telemetry ingestion for the plant's sensors: device readings in, device registration for operators."""
import hashlib
import hmac
import math
import os
import re
import secrets
from functools import wraps

import psycopg2
import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
_DEVICE_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def load_device_settings(path: str = "devices.yaml") -> dict:
    """Device settings; safe_load builds plain data only, never Python objects."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        return {}
    return data if isinstance(data, dict) else {}


DEVICE_SETTINGS = load_device_settings()


def get_connection():
    return psycopg2.connect(
        host=os.environ.get("TELEMETRY_DB_HOST", "historian.plant.lan"),
        dbname=os.environ.get("TELEMETRY_DB_NAME", "telemetry"),
        user=os.environ.get("TELEMETRY_DB_USER", "ingest"),
        password=os.environ.get("TELEMETRY_DB_PASSWORD"),
    )


def _ensure_tables(cur) -> None:
    cur.execute("CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, key_hash TEXT NOT NULL, name TEXT)")
    cur.execute(
        "CREATE TABLE IF NOT EXISTS readings (device_id TEXT NOT NULL, ts TEXT NOT NULL,"
        " temperature DOUBLE PRECISION, pressure DOUBLE PRECISION)"
    )


def _hash_key(key: str) -> str:
    # Device keys are 256-bit random values, so a fast hash is enough to keep them out of the database in clear.
    return hashlib.sha256(key.encode()).hexdigest()


def require_operator(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        expected = os.environ.get("ADMIN_TOKEN", "")
        sent = request.headers.get("X-Admin-Token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        abort(400, "temperature and pressure must be numbers")
    return float(value)


@app.route("/ingest", methods=["POST"])
def ingest():
    reading = request.get_json(silent=True)
    if not isinstance(reading, dict):
        abort(400, "expected a JSON object")
    device_id = reading.get("device_id")
    if not isinstance(device_id, str) or not _DEVICE_RE.match(device_id):
        abort(400, "invalid device_id")
    key = request.headers.get("X-Device-Key", "")
    timestamp = reading.get("timestamp")
    if not isinstance(timestamp, (str, int, float)) or isinstance(timestamp, bool):
        abort(400, "invalid timestamp")
    temperature, pressure = _number(reading.get("temperature")), _number(reading.get("pressure"))
    conn = get_connection()
    try:
        cur = conn.cursor()
        _ensure_tables(cur)
        cur.execute("SELECT key_hash FROM devices WHERE device_id = %s", (device_id,))
        row = cur.fetchone()
        stored = row[0] if row else _hash_key(secrets.token_hex(32))
        if not key or not hmac.compare_digest(_hash_key(key), stored) or row is None:
            abort(401)
        cur.execute(
            "INSERT INTO readings (device_id, ts, temperature, pressure) VALUES (%s, %s, %s, %s)",
            (device_id, str(timestamp), temperature, pressure),
        )
        conn.commit()
    finally:
        conn.close()
    return jsonify({"status": "ok"}), 201


@app.route("/admin/devices", methods=["GET"])
@require_operator
def list_devices():
    conn = get_connection()
    try:
        cur = conn.cursor()
        _ensure_tables(cur)
        cur.execute("SELECT device_id, name FROM devices ORDER BY device_id")
        rows = cur.fetchall()
    finally:
        conn.close()
    return jsonify([{"device_id": r[0], "name": r[1], "settings": DEVICE_SETTINGS.get(r[0], {})} for r in rows])


@app.route("/admin/devices", methods=["POST"])
@require_operator
def register_device():
    data = request.get_json(silent=True) if request.is_json else request.form
    device_id = (data or {}).get("device_id")
    name = (data or {}).get("name") or device_id
    if not isinstance(device_id, str) or not _DEVICE_RE.match(device_id):
        abort(400, "invalid device_id")
    key = secrets.token_urlsafe(32)
    conn = get_connection()
    try:
        cur = conn.cursor()
        _ensure_tables(cur)
        cur.execute("SELECT 1 FROM devices WHERE device_id = %s", (device_id,))
        if cur.fetchone() is not None:
            abort(409, "device already registered")
        cur.execute(
            "INSERT INTO devices (device_id, key_hash, name) VALUES (%s, %s, %s)",
            (device_id, _hash_key(key), str(name)[:200]),
        )
        conn.commit()
    finally:
        conn.close()
    # The key is shown once, to the operator who registered the device; only its hash is stored.
    return jsonify({"device_id": device_id, "key": key}), 201


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
