"""Telemetry ingestion for the plant's sensors: device readings in, device registration for operators.

Endpoints: POST /ingest (device key in the X-Device-Key header), GET and POST /admin/devices.
Database: PostgreSQL historian.plant.lan, database telemetry, user ingest. Device settings: devices.yaml.
"""
import hashlib
import hmac
import os
import secrets

import psycopg2
import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

with open(os.path.join(os.getcwd(), "devices.yaml"), encoding="utf-8") as fh:
    DEVICE_SETTINGS = (yaml.safe_load(fh) or {}).get("devices", {})


def db():
    return psycopg2.connect(host="historian.plant.lan", dbname="telemetry", user="ingest",
                            password=os.environ.get("DB_PASSWORD", "Hist0rian!"), connect_timeout=5)


def init_db():
    conn = db()
    with conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, key_hash TEXT NOT NULL)")
        cur.execute("CREATE TABLE IF NOT EXISTS readings (device_id TEXT, ts TEXT, temperature REAL, pressure REAL)")
    conn.close()


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()  # keys are 256-bit random tokens, not passwords


def operator_ok() -> bool:
    auth = request.authorization
    expected = os.environ.get("OPERATOR_PASSWORD", "")
    return bool(auth and expected and hmac.compare_digest((auth.password or "").encode(), expected.encode()))


@app.post("/ingest")
def ingest():
    key = request.headers.get("X-Device-Key", "")
    data = request.get_json(silent=True) or {}
    device = str(data.get("device_id", ""))
    if not key or not device:
        abort(401)
    init_db()
    conn = db()
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT key_hash FROM devices WHERE device_id = %s", (device,))
            row = cur.fetchone()
            if row is None or not hmac.compare_digest(row[0], key_hash(key)):
                abort(401)
            cur.execute("INSERT INTO readings (device_id, ts, temperature, pressure) VALUES (%s, %s, %s, %s)",
                        (device, str(data.get("timestamp")), float(data["temperature"]), float(data["pressure"])))
    finally:
        conn.close()
    return jsonify(status="stored"), 201


@app.route("/admin/devices", methods=["GET", "POST"])
def devices():
    if not operator_ok():
        return jsonify(error="operator login required"), 401, {"WWW-Authenticate": 'Basic realm="telemetry"'}
    init_db()
    conn = db()
    try:
        with conn, conn.cursor() as cur:
            if request.method == "POST":
                device = str((request.get_json(silent=True) or request.form).get("device_id", ""))
                if not device:
                    abort(400)
                key = secrets.token_urlsafe(32)
                cur.execute("INSERT INTO devices (device_id, key_hash) VALUES (%s, %s)", (device, key_hash(key)))
                return jsonify(device_id=device, key=key), 201
            cur.execute("SELECT device_id FROM devices ORDER BY device_id")
            ids = [r[0] for r in cur.fetchall()]
    finally:
        conn.close()
    return jsonify(devices=[{"device_id": d, "settings": DEVICE_SETTINGS.get(d, {})} for d in ids],
                   configured=sorted(DEVICE_SETTINGS))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
