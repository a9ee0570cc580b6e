# Independent secure reference for app-backup-restore-service.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Backup service for the ops team: create, list, download and restore site backups."""
import hmac
import os
import re
import subprocess
import tarfile
import tempfile
from datetime import datetime, timezone
from functools import wraps

from flask import Flask, abort, jsonify, request, send_from_directory

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024 * 1024
SITES_DIR = "/srv/sites"
BACKUP_DIR = "/srv/backups"
_SITE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_BACKUP_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.tar\.gz$")


def require_ops(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        expected = os.environ.get("ADMIN_TOKEN", "")
        sent = request.headers.get("X-Admin-Token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def _site_dir(site: str | None) -> str:
    if not site or not _SITE_RE.match(site) or site in (".", ".."):
        abort(400, "invalid site name")
    path = os.path.join(SITES_DIR, site)
    if os.path.dirname(os.path.realpath(path)) != os.path.realpath(SITES_DIR):
        abort(400, "invalid site name")
    return path


def _site_param() -> str | None:
    data = request.get_json(silent=True) if request.is_json else None
    if isinstance(data, dict) and isinstance(data.get("site"), str):
        return data["site"]
    return request.form.get("site") or request.args.get("site")


@app.route("/backups", methods=["POST"])
@require_ops
def create_backup():
    site = _site_param()
    site_dir = _site_dir(site)
    if not os.path.isdir(site_dir):
        abort(404, "no such site")
    os.makedirs(BACKUP_DIR, exist_ok=True)
    name = f"{site}-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S%fZ')}.tar.gz"
    out = os.path.join(BACKUP_DIR, name)
    # Argument list, no shell: the site name can never become a shell command or a tar option.
    result = subprocess.run(
        ["tar", "-czf", out, "-C", site_dir, "."], capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode != 0:
        app.logger.error("tar failed for site %s (exit %s)", site, result.returncode)
        abort(500, "backup failed")
    return jsonify({"name": name}), 201


@app.route("/backups", methods=["GET"])
@require_ops
def list_backups():
    if not os.path.isdir(BACKUP_DIR):
        return jsonify([])
    names = sorted(n for n in os.listdir(BACKUP_DIR) if n.endswith(".tar.gz"))
    return jsonify(names)


@app.route("/backups/<name>", methods=["GET"])
@require_ops
def download_backup(name: str):
    if not _BACKUP_RE.match(name):
        abort(404)
    return send_from_directory(BACKUP_DIR, name, as_attachment=True)


def _safe_members(tar: tarfile.TarFile, dest: str):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"refusing link or special file {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.isabs(member.name) or (target != root and not target.startswith(root + os.sep)):
            raise ValueError(f"refusing path outside the site: {member.name!r}")
        member.mode &= 0o755
        yield member


@app.route("/restore", methods=["POST"])
@require_ops
def restore():
    site_dir = _site_dir(_site_param())
    upload = request.files.get("file") or request.files.get("archive") or request.files.get("backup")
    if upload is None:
        abort(400, "no archive uploaded")
    os.makedirs(site_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        archive_path = os.path.join(tmp, "upload.tar.gz")
        upload.save(archive_path)
        try:
            with tarfile.open(archive_path, "r:*") as tar:
                members = list(_safe_members(tar, site_dir))
                kwargs = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
                tar.extractall(site_dir, members=members, **kwargs)
        except (tarfile.TarError, ValueError, OSError) as exc:
            app.logger.warning("rejected restore archive: %s", exc)
            abort(400, "invalid archive")
    return jsonify({"restored": os.path.basename(site_dir)}), 200


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
