"""Backup service for the ops team: create, list, download and restore site backups.

Endpoints: POST /backups, GET /backups, GET /backups/<name>, POST /restore (upload an archive).
Sites live in /srv/sites, backups in /srv/backups.
"""
import datetime
import hmac
import os
import re
import subprocess
import tarfile
import tempfile
from functools import wraps

from flask import Flask, abort, jsonify, request, send_from_directory

app = Flask(__name__)
SITES_DIR = "/srv/sites"
BACKUP_DIR = "/srv/backups"
SITE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def require_token(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)
    return wrapper


def site_dir(name: str) -> str:
    if not name or not SITE_RE.fullmatch(name) or name in (".", ".."):
        abort(400, "bad site name")
    path = os.path.join(SITES_DIR, name)
    if not os.path.isdir(path):
        abort(404, "no such site")
    return path


@app.post("/backups")
@require_token
def create_backup():
    data = request.get_json(silent=True) or request.form
    site = str(data.get("site", ""))
    os.makedirs(BACKUP_DIR, exist_ok=True)
    name = f"{site}-{datetime.datetime.now(datetime.timezone.utc):%Y%m%d-%H%M%S}.tar.gz"
    subprocess.run(f"tar -czf {os.path.join(BACKUP_DIR, name)} -C {SITES_DIR} {site}", shell=True, timeout=600)
    return jsonify(backup=name), 201


@app.get("/backups")
@require_token
def list_backups():
    names = sorted(n for n in os.listdir(BACKUP_DIR) if n.endswith(".tar.gz")) if os.path.isdir(BACKUP_DIR) else []
    return jsonify(backups=names)


@app.get("/backups/<name>")
@require_token
def download_backup(name):
    return send_from_directory(BACKUP_DIR, name, as_attachment=True)


@app.post("/restore")
@require_token
def restore():
    site = str(request.form.get("site", ""))
    target = site_dir(site)
    upload = request.files.get("file")
    if upload is None:
        abort(400, "no archive")
    with tempfile.NamedTemporaryFile(suffix=".tar.gz") as tmp:
        upload.save(tmp.name)
        with tarfile.open(tmp.name, "r:*") as tar:
            members = []
            for member in tar.getmembers():
                parts = member.name.split("/")
                if parts and parts[0] == site:  # backups hold <site>/...
                    member.name = "/".join(parts[1:]) or "."
                members.append(member)
            tar.extractall(target, members=members, filter="data")
    return jsonify(restored=site)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000)
