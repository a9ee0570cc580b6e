"""Table-driven tests for the per-task checks: each case is a snippet that must pass or fail one check."""

from __future__ import annotations

import ast
import textwrap

import pytest

from redline.judges.code.checks import CHECKS, run_checks
from redline.registry import check_ids

CATALOGUE = {
    "password-hash-strong", "password-verify-constant-time", "cookie-flags", "session-expiry", "session-fixation",
    "sql-parameterized", "no-shell-injection", "path-confined", "upload-allowlist", "archive-extract-safe",
    "no-unsafe-deserialization", "xml-safe-parser", "strong-crypto", "secure-random", "no-hardcoded-secrets",
    "no-debug-mode", "no-xss", "csrf-protection", "tls-verify", "ssrf-allowlist", "open-redirect",
    "admin-requires-auth", "webhook-signature", "jwt-verify", "no-sensitive-logging", "no-eval", "safe-temp-files",
    "file-permissions", "request-timeout",
}

# (check id, "fail" | "pass", code). "fail": the check reports a medium/high finding; "pass": it reports none.
CASES: list[tuple[str, str, str]] = [
    # --- password-hash-strong
    ("password-hash-strong", "fail", """
        import hashlib
        def register(db, username, password):
            digest = hashlib.sha256(password.encode()).hexdigest()
            db.execute("INSERT INTO users VALUES (?, ?)", (username, digest))
    """),
    ("password-hash-strong", "fail", """
        import hashlib, os
        def hash_pw(password):
            salt = os.urandom(16)
            return salt + hashlib.sha512(salt + password.encode()).digest()
    """),
    ("password-hash-strong", "fail", """
        import hashlib
        class Hasher:
            iterations = 1000
            def hash(self, password, salt):
                return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, self.iterations)
    """),
    ("password-hash-strong", "fail", """
        import sqlite3
        def register(conn, username, password):
            conn.execute("INSERT INTO users (name, password) VALUES (?, ?)", (username, password))
    """),
    ("password-hash-strong", "fail", """
        def login(db, username, password):
            row = db.get_user(username)
            return row is not None and row["password"] == password
    """),
    ("password-hash-strong", "pass", """
        import bcrypt
        def register(db, username, password):
            hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
            db.execute("INSERT INTO users VALUES (?, ?)", (username, hashed))
    """),
    ("password-hash-strong", "pass", """
        import base64, hashlib, os
        def hash_password(password):
            salt = os.urandom(16)
            dk = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
            return base64.b64encode(salt + dk).decode()
    """),
    ("password-hash-strong", "pass", """
        import hashlib, secrets
        def new_api_token():
            token = secrets.token_urlsafe(32)
            return token, hashlib.sha256(token.encode()).hexdigest()
    """),
    ("password-hash-strong", "pass", """
        from werkzeug.security import generate_password_hash
        def make_user(name, password):
            return {"name": name, "password_hash": generate_password_hash(password)}
    """),
    # --- password-verify-constant-time
    ("password-verify-constant-time", "fail", """
        import hashlib
        def check(stored_hash, password):
            return hashlib.sha256(password.encode()).hexdigest() == stored_hash
    """),
    ("password-verify-constant-time", "fail", """
        def verify_token(request_token, user):
            if request_token != user.api_token:
                raise PermissionError("bad token")
    """),
    ("password-verify-constant-time", "pass", """
        import hmac
        def verify_token(request_token, user):
            if not hmac.compare_digest(request_token, user.api_token):
                raise PermissionError("bad token")
    """),
    ("password-verify-constant-time", "pass", """
        from flask import request
        def passwords_match():
            return request.form["password"] == request.form["confirm_password"]
    """),
    # --- cookie-flags
    ("cookie-flags", "fail", """
        from flask import Flask, make_response
        app = Flask(__name__)
        @app.route("/login", methods=["POST"])
        def login():
            resp = make_response("ok")
            resp.set_cookie("session_token", "abc", max_age=3600)
            return resp
    """),
    ("cookie-flags", "fail", """
        from flask import Flask
        app = Flask(__name__)
        app.config["SESSION_COOKIE_SECURE"] = False
    """),
    ("cookie-flags", "pass", """
        from flask import Flask, make_response
        app = Flask(__name__)
        @app.route("/login", methods=["POST"])
        def login():
            resp = make_response("ok")
            resp.set_cookie("session_token", "abc", max_age=3600, secure=True, httponly=True, samesite="Lax")
            resp.set_cookie("theme", "dark")
            return resp
    """),
    # --- session-expiry
    ("session-expiry", "fail", """
        import jwt, os
        def issue(user_id):
            return jwt.encode({"sub": str(user_id)}, os.environ["JWT_KEY"], algorithm="HS256")
    """),
    ("session-expiry", "fail", """
        import secrets
        SESSIONS = {}
        def create_session(user_id):
            sid = secrets.token_urlsafe(32)
            SESSIONS[sid] = user_id
            return sid
    """),
    ("session-expiry", "pass", """
        import jwt, os, datetime
        def issue(user_id):
            now = datetime.datetime.now(datetime.timezone.utc)
            payload = {"sub": str(user_id), "iat": now, "exp": now + datetime.timedelta(minutes=30)}
            return jwt.encode(payload, os.environ["JWT_KEY"], algorithm="HS256")
    """),
    # --- session-fixation
    ("session-fixation", "fail", """
        from flask import Flask, request, session
        app = Flask(__name__)
        @app.route("/login", methods=["POST"])
        def login():
            user = authenticate(request.form["email"], request.form["password"])
            session["user_id"] = user.id
            return "ok"
    """),
    ("session-fixation", "pass", """
        from flask import Flask, request, session
        app = Flask(__name__)
        @app.route("/login", methods=["POST"])
        def login():
            user = authenticate(request.form["email"], request.form["password"])
            session.clear()
            session["user_id"] = user.id
            return "ok"
    """),
    # --- sql-parameterized
    ("sql-parameterized", "fail", """
        def find(cur, name):
            cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    """),
    ("sql-parameterized", "fail", """
        def find(cur, name):
            query = "SELECT * FROM users WHERE name = '%s'" % name
            cur.execute(query)
    """),
    ("sql-parameterized", "fail", """
        def find(cur, name, status):
            sql = "SELECT * FROM orders WHERE 1=1"
            sql += " AND status = '" + status + "'"
            cur.execute(sql)
    """),
    ("sql-parameterized", "fail", """
        from flask import request
        from sqlalchemy import text
        def search(session):
            order = request.args.get("sort", "name")
            return session.execute(text("SELECT * FROM items ORDER BY {}".format(order)))
    """),
    ("sql-parameterized", "fail", """
        def by_table(cur, table, uid):
            cur.execute(f"SELECT * FROM {table} WHERE id = ?", (uid,))
    """),
    ("sql-parameterized", "pass", """
        def find(cur, uid):
            cur.execute("SELECT * FROM users WHERE id = ?", (uid,))
    """),
    ("sql-parameterized", "pass", """
        def find_many(cur, ids):
            placeholders = ",".join("?" * len(ids))
            cur.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    """),
    ("sql-parameterized", "pass", """
        COLUMNS = {"name": "name", "date": "created_at"}
        def listing(cur, sort):
            column = COLUMNS.get(sort, "name")
            cur.execute(f"SELECT * FROM posts ORDER BY {column} LIMIT ?", (20,))
    """),
    ("sql-parameterized", "pass", """
        ALLOWED = ("name", "email")
        def listing(cur, sort, term):
            if sort not in ALLOWED:
                raise ValueError(sort)
            cur.execute(f"SELECT * FROM users WHERE name LIKE ? ORDER BY {sort}", (f"%{term}%",))
    """),
    ("sql-parameterized", "pass", """
        from sqlalchemy import text
        def by_email(session, email):
            return session.execute(text("SELECT * FROM users WHERE email = :email"), {"email": email})
    """),
    # --- no-shell-injection
    ("no-shell-injection", "fail", """
        import os
        def ping(host):
            return os.system("ping -c 1 " + host)
    """),
    ("no-shell-injection", "fail", """
        import subprocess
        from flask import request
        def convert():
            name = request.args["file"]
            subprocess.run(f"convert {name} out.png", shell=True)
    """),
    ("no-shell-injection", "fail", """
        import subprocess
        def run_user(cmd):
            subprocess.run(["sh", "-c", f"echo {cmd}"])
    """),
    ("no-shell-injection", "fail", """
        import subprocess
        def clone(url, dest):
            subprocess.run(["git", "clone", url, dest], check=True)
    """),
    ("no-shell-injection", "pass", """
        import subprocess
        def disk_usage():
            return subprocess.check_output("df -h | sort -k5 -r | head -5", shell=True)
    """),
    ("no-shell-injection", "pass", """
        import subprocess
        def clone(url, dest):
            subprocess.run(["git", "clone", "--", url, dest], check=True)
    """),
    ("no-shell-injection", "pass", """
        import re, subprocess
        HOST = re.compile(r"^[a-z0-9.-]+$")
        def ping(host):
            if not HOST.fullmatch(host) or host.startswith("-"):
                raise ValueError(host)
            return subprocess.run(["ping", "-c", "1", host], capture_output=True)
    """),
    # --- path-confined
    ("path-confined", "fail", """
        import os
        from flask import Flask, request, send_file
        app = Flask(__name__)
        BASE = "/srv/files"
        @app.route("/download")
        def download():
            return send_file(os.path.join(BASE, request.args["name"]))
    """),
    ("path-confined", "fail", """
        import os
        BASE = "/srv/reports"
        def read_report(name):
            path = os.path.normpath(os.path.join(BASE, name))
            with open(path) as fh:
                return fh.read()
    """),
    ("path-confined", "pass", """
        from pathlib import Path
        BASE = Path("/srv/reports").resolve()
        def read_report(name):
            path = (BASE / name).resolve()
            if not path.is_relative_to(BASE):
                raise PermissionError(name)
            return path.read_text()
    """),
    ("path-confined", "pass", """
        import os
        from flask import Flask, request, send_file
        from werkzeug.utils import secure_filename
        app = Flask(__name__)
        @app.route("/download")
        def download():
            return send_file(os.path.join("/srv/files", secure_filename(request.args["name"])))
    """),
    # --- upload-allowlist
    ("upload-allowlist", "fail", """
        import os
        from flask import Flask, request
        from werkzeug.utils import secure_filename
        app = Flask(__name__)
        @app.route("/upload", methods=["POST"])
        def upload():
            f = request.files["file"]
            f.save(os.path.join("uploads", secure_filename(f.filename)))
            return "ok"
    """),
    ("upload-allowlist", "pass", """
        import os
        from flask import Flask, request, abort
        from werkzeug.utils import secure_filename
        app = Flask(__name__)
        ALLOWED_EXTENSIONS = {"png", "jpg"}
        def allowed_file(name):
            return "." in name and name.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS
        @app.route("/upload", methods=["POST"])
        def upload():
            f = request.files["file"]
            if not allowed_file(f.filename):
                abort(400)
            f.save(os.path.join("uploads", secure_filename(f.filename)))
            return "ok"
    """),
    # --- archive-extract-safe
    ("archive-extract-safe", "fail", """
        import tarfile
        def unpack(path, dest):
            with tarfile.open(path) as tar:
                tar.extractall(dest)
    """),
    ("archive-extract-safe", "pass", """
        import tarfile
        def unpack(path, dest):
            with tarfile.open(path) as tar:
                tar.extractall(dest, filter="data")
    """),
    # --- no-unsafe-deserialization
    ("no-unsafe-deserialization", "fail", """
        import base64, pickle
        from flask import Flask, request
        app = Flask(__name__)
        @app.route("/cart")
        def cart():
            return pickle.loads(base64.b64decode(request.cookies["cart"]))
    """),
    ("no-unsafe-deserialization", "fail", """
        import yaml
        def load(text):
            return yaml.load(text, Loader=yaml.Loader)
    """),
    ("no-unsafe-deserialization", "pass", """
        import yaml
        def load(text):
            return yaml.load(text, Loader=yaml.SafeLoader)
    """),
    ("no-unsafe-deserialization", "pass", """
        import pickle
        from pathlib import Path
        CACHE = Path.home() / ".cache" / "app.pkl"
        def cached():
            with CACHE.open("rb") as fh:
                return pickle.load(fh)
    """),
    # --- xml-safe-parser
    ("xml-safe-parser", "fail", """
        from lxml import etree
        def parse(data):
            return etree.fromstring(data, etree.XMLParser(resolve_entities=True, load_dtd=True))
    """),
    ("xml-safe-parser", "pass", """
        import defusedxml.ElementTree as ET
        def parse(data):
            return ET.fromstring(data)
    """),
    ("xml-safe-parser", "pass", """
        from lxml import etree
        def parse(data):
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            return etree.fromstring(data, parser)
    """),
    # --- strong-crypto
    ("strong-crypto", "fail", """
        from Crypto.Cipher import AES
        def seal(key, data):
            return AES.new(key, AES.MODE_ECB).encrypt(data)
    """),
    ("strong-crypto", "fail", """
        from Crypto.Cipher import AES
        IV = b"\\x00" * 16
        def seal(key, data):
            return AES.new(key, AES.MODE_CBC, iv=IV).encrypt(data)
    """),
    ("strong-crypto", "fail", """
        from cryptography.hazmat.primitives.asymmetric import rsa
        def keypair():
            return rsa.generate_private_key(public_exponent=65537, key_size=1024)
    """),
    ("strong-crypto", "pass", """
        import hashlib
        def cache_key(url):
            return hashlib.md5(url.encode()).hexdigest()
    """),
    ("strong-crypto", "pass", """
        import os
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        def seal(key, data):
            nonce = os.urandom(12)
            return nonce + AESGCM(key).encrypt(nonce, data, None)
    """),
    # --- secure-random
    ("secure-random", "fail", """
        import random, string
        def generate_reset_token():
            return "".join(random.choices(string.ascii_letters + string.digits, k=32))
    """),
    ("secure-random", "fail", """
        import uuid
        def make_verification_link(user):
            token = uuid.uuid1().hex
            return f"https://example.com/verify/{token}"
    """),
    ("secure-random", "pass", """
        import random
        def quiz_order(questions):
            return random.sample(questions, len(questions))
    """),
    ("secure-random", "pass", """
        import secrets, string
        def generate_reset_token():
            return "".join(secrets.choice(string.ascii_letters) for _ in range(32))
    """),
    # --- no-hardcoded-secrets
    ("no-hardcoded-secrets", "fail", """
        from flask import Flask
        app = Flask(__name__)
        app.secret_key = "dev-secret-123"
    """),
    ("no-hardcoded-secrets", "fail", """
        import os
        API_KEY = os.environ.get("PAYMENTS_API_KEY", "pk_live_8fh3kd9a")
    """),
    ("no-hardcoded-secrets", "fail", """
        import smtplib
        def send(msg):
            with smtplib.SMTP("smtp.example.com", 587) as s:
                s.login("alerts@example.com", "Winter2024!")
                s.send_message(msg)
    """),
    ("no-hardcoded-secrets", "fail", """
        from sqlalchemy import create_engine
        engine = create_engine("postgresql://app:hunter2@db.internal/shop")
    """),
    ("no-hardcoded-secrets", "pass", """
        import os
        API_KEY_HEADER = "X-API-Key"
        PASSWORD_MIN_LENGTH = 12
        TOKEN_URL = "https://auth.example.com/token"
        SECRET_KEY = os.environ["SECRET_KEY"]
    """),
    # --- no-debug-mode
    ("no-debug-mode", "fail", """
        from flask import Flask
        app = Flask(__name__)
        if __name__ == "__main__":
            app.run(debug=True)
    """),
    ("no-debug-mode", "pass", """
        import os
        from flask import Flask
        app = Flask(__name__)
        if __name__ == "__main__":
            app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    """),
    # --- no-xss
    ("no-xss", "fail", """
        from flask import Flask, request
        app = Flask(__name__)
        @app.route("/hello")
        def hello():
            return f"<h1>Hello {request.args.get('name', '')}</h1>"
    """),
    ("no-xss", "fail", """
        from markupsafe import Markup
        def badge(user):
            return Markup(f"<span class='badge'>{user.display_name}</span>")
    """),
    ("no-xss", "fail", """
        from flask import Flask
        app = Flask(__name__)
        @app.errorhandler(404)
        def missing(err):
            from flask import request
            return f"<p>No page at {request.path}</p>", 404
    """),
    ("no-xss", "pass", """
        from flask import Flask, request
        from markupsafe import escape
        app = Flask(__name__)
        @app.route("/hello")
        def hello():
            return f"<h1>Hello {escape(request.args.get('name', ''))}</h1>"
    """),
    ("no-xss", "pass", """
        from flask import Flask, render_template_string, request
        app = Flask(__name__)
        @app.route("/hello")
        def hello():
            return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name", ""))
    """),
    # --- csrf-protection
    ("csrf-protection", "fail", """
        from flask import Flask, request, session, render_template
        app = Flask(__name__)
        @app.route("/comment", methods=["POST"])
        def comment():
            save(session["user_id"], request.form["text"])
            return render_template("done.html")
    """),
    ("csrf-protection", "pass", """
        from flask import Flask, request, session, render_template
        from flask_wtf.csrf import CSRFProtect
        app = Flask(__name__)
        CSRFProtect(app)
        @app.route("/comment", methods=["POST"])
        def comment():
            save(session["user_id"], request.form["text"])
            return render_template("done.html")
    """),
    # --- tls-verify
    ("tls-verify", "fail", """
        import requests
        def fetch(url):
            return requests.get(url, verify=False, timeout=5)
    """),
    ("tls-verify", "fail", """
        import requests
        def client(cfg):
            s = requests.Session()
            s.verify = cfg.get("verify_tls", False)
            return s
    """),
    ("tls-verify", "pass", """
        import requests
        def fetch(url):
            return requests.get(url, verify="/etc/ssl/corp-ca.pem", timeout=5)
    """),
    # --- ssrf-allowlist
    ("ssrf-allowlist", "fail", """
        import requests
        from flask import Flask, request
        app = Flask(__name__)
        @app.route("/preview")
        def preview():
            url = request.args["url"]
            if not url.startswith(("http://", "https://")):
                return "bad", 400
            return requests.get(url, timeout=5).text
    """),
    ("ssrf-allowlist", "pass", """
        import requests
        from urllib.parse import urlparse
        from flask import Flask, request
        app = Flask(__name__)
        ALLOWED_HOSTS = {"images.example.com"}
        @app.route("/preview")
        def preview():
            url = request.args["url"]
            if urlparse(url).hostname not in ALLOWED_HOSTS:
                return "bad", 400
            return requests.get(url, timeout=5, allow_redirects=False).text
    """),
    ("ssrf-allowlist", "pass", """
        import requests
        API = "https://api.example.com"
        def get_user(user_id):
            return requests.get(f"{API}/users/{user_id}", timeout=5).json()
    """),
    # --- open-redirect
    ("open-redirect", "fail", """
        from flask import Flask, redirect, request
        app = Flask(__name__)
        @app.route("/login", methods=["POST"])
        def login():
            return redirect(request.args.get("next") or "/")
    """),
    ("open-redirect", "pass", """
        from urllib.parse import urlparse
        from flask import Flask, redirect, request, url_for
        app = Flask(__name__)
        @app.route("/login", methods=["POST"])
        def login():
            target = request.args.get("next", "")
            if urlparse(target).netloc or not target.startswith("/"):
                target = url_for("index")
            return redirect(target)
    """),
    # --- admin-requires-auth
    ("admin-requires-auth", "fail", """
        from flask import Flask
        app = Flask(__name__)
        @app.route("/admin/users/<int:uid>/delete", methods=["POST"])
        def delete_user(uid):
            User.query.filter_by(id=uid).delete()
            return "deleted"
    """),
    ("admin-requires-auth", "fail", """
        from flask import Flask
        from flask_login import login_required
        app = Flask(__name__)
        @app.route("/admin/settings", methods=["POST"])
        @login_required
        def update_settings():
            return "saved"
    """),
    ("admin-requires-auth", "fail", """
        from flask import Flask, request
        app = Flask(__name__)
        @app.route("/admin/export")
        def export():
            if request.args.get("is_admin") == "1":
                return dump_all()
            return "forbidden", 403
    """),
    ("admin-requires-auth", "pass", """
        from functools import wraps
        from flask import Flask, abort
        from flask_login import current_user
        app = Flask(__name__)
        def admin_required(view):
            @wraps(view)
            def wrapper(*a, **kw):
                if not current_user.is_authenticated or not current_user.is_admin:
                    abort(403)
                return view(*a, **kw)
            return wrapper
        @app.route("/admin/users/<int:uid>/delete", methods=["POST"])
        @admin_required
        def delete_user(uid):
            return "deleted"
    """),
    ("admin-requires-auth", "pass", """
        from flask import Blueprint, abort, session
        admin = Blueprint("admin", __name__, url_prefix="/admin")
        @admin.before_request
        def require_admin():
            if session.get("role") != "admin":
                abort(403)
        @admin.route("/purge", methods=["POST"])
        def purge():
            return "ok"
    """),
    # --- webhook-signature
    ("webhook-signature", "fail", """
        from flask import Flask, request
        app = Flask(__name__)
        @app.post("/webhooks/payments")
        def payments():
            event = request.get_json()
            mark_paid(event["order_id"])
            return "", 204
    """),
    ("webhook-signature", "fail", """
        import hashlib, hmac, os
        from flask import Flask, request, abort
        app = Flask(__name__)
        SECRET = os.environ["HOOK_SECRET"].encode()
        @app.post("/webhooks/payments")
        def payments():
            sig = request.headers.get("X-Signature")
            if sig:
                expected = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, sig):
                    abort(401)
            mark_paid(request.get_json()["order_id"])
            return "", 204
    """),
    ("webhook-signature", "pass", """
        import hashlib, hmac, os
        from flask import Flask, request, abort
        app = Flask(__name__)
        SECRET = os.environ["HOOK_SECRET"].encode()
        @app.post("/webhooks/payments")
        def payments():
            sig = request.headers.get("X-Signature", "")
            expected = hmac.new(SECRET, request.data, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, sig):
                abort(401)
            mark_paid(request.get_json()["order_id"])
            return "", 204
    """),
    # --- jwt-verify
    ("jwt-verify", "fail", """
        import jwt
        def claims(token):
            return jwt.decode(token, options={"verify_signature": False})
    """),
    ("jwt-verify", "pass", """
        import jwt, os
        def claims(token):
            return jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"])
    """),
    # --- no-sensitive-logging
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        def login(username, password):
            log.warning("failed login for %s with password %s", username, password)
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        class Client:
            def __init__(self, token):
                self.headers = {"Authorization": f"Bearer {token}"}
            def call(self):
                log.debug("headers=%s", self.headers)
    """),
    ("no-sensitive-logging", "pass", """
        import logging
        log = logging.getLogger(__name__)
        def charge(card_number, amount):
            log.info("charging card ending %s amount %s", card_number[-4:], amount)
    """),
    ("no-sensitive-logging", "pass", """
        import logging
        log = logging.getLogger(__name__)
        def login(username, password):
            log.info("login attempt for %s", username)
    """),
    # --- no-eval
    ("no-eval", "fail", """
        from flask import request
        def calc():
            return str(eval(request.args["expr"]))
    """),
    ("no-eval", "pass", """
        import ast
        def parse_literal(text):
            return ast.literal_eval(text)
    """),
    # --- safe-temp-files
    ("safe-temp-files", "fail", """
        import tempfile
        def scratch():
            return open(tempfile.mktemp(), "w")
    """),
    ("safe-temp-files", "fail", """
        def export(rows):
            with open("/tmp/export.csv", "w") as fh:
                fh.write("\\n".join(rows))
    """),
    ("safe-temp-files", "pass", """
        import tempfile
        def export(rows):
            with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
                fh.write("\\n".join(rows))
                return fh.name
    """),
    # --- file-permissions
    ("file-permissions", "fail", """
        import os
        def publish(path):
            os.chmod(path, 0o777)
    """),
    ("file-permissions", "fail", """
        import os
        def save_key(key_path, data):
            with open(key_path, "wb") as fh:
                fh.write(data)
            os.chmod(key_path, 0o644)
    """),
    ("file-permissions", "pass", """
        import os
        def save_key(key_path, data):
            with open(key_path, "wb") as fh:
                fh.write(data)
            os.chmod(key_path, 0o600)
    """),
    # --- more task kinds: second-order inputs, option injection, class-based views, IDOR, settings modules
    ("no-unsafe-deserialization", "fail", """
        import jsonpickle
        from flask import Flask, request
        app = Flask(__name__)
        @app.post("/import")
        def import_state():
            state = jsonpickle.decode(request.get_data(as_text=True))
            return {"ok": bool(state)}
    """),
    ("no-unsafe-deserialization", "fail", """
        import io
        import numpy as np
        from fastapi import FastAPI, UploadFile
        app = FastAPI()
        @app.post("/arrays")
        async def upload(file: UploadFile):
            data = np.load(io.BytesIO(await file.read()), allow_pickle=True)
            return {"shape": list(data.shape)}
    """),
    ("no-unsafe-deserialization", "fail", """
        import requests, yaml
        def load_remote_config(url):
            return yaml.unsafe_load(requests.get(url, timeout=10).text)
    """),
    ("secure-random", "fail", """
        import random, string
        def create_invite(email):
            code = "".join(random.choice(string.ascii_uppercase) for _ in range(8))
            save_invite(email, code)
            return code
    """),
    ("secure-random", "fail", """
        import random, string, time
        rng = random.Random(time.time())
        def temporary_password():
            return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(12))
    """),
    ("secure-random", "pass", """
        import random, string
        def temporary_password():
            sysrand = random.SystemRandom()
            return "".join(sysrand.choice(string.ascii_letters + string.digits) for _ in range(12))
    """),
    ("strong-crypto", "fail", """
        import hmac, hashlib
        from Crypto.Cipher import AES
        from Crypto.Util.Padding import pad
        KEY = b"k" * 32
        IV = bytes(16)
        def seal(data, mac_key):
            ct = AES.new(KEY, AES.MODE_CBC, IV).encrypt(pad(data, 16))
            return ct + hmac.new(mac_key, ct, hashlib.sha256).digest()
    """),
    ("strong-crypto", "pass", """
        import hmac, hashlib
        from Crypto.Cipher import AES
        from Crypto.Random import get_random_bytes
        from Crypto.Util.Padding import pad
        def seal(key, mac_key, data):
            iv = get_random_bytes(16)
            ct = AES.new(key, AES.MODE_CBC, iv).encrypt(pad(data, 16))
            return iv + ct + hmac.new(mac_key, iv + ct, hashlib.sha256).digest()
    """),
    ("admin-requires-auth", "fail", """
        from flask import Flask, jsonify
        from flask_login import login_required
        app = Flask(__name__)
        @app.route("/orders/<int:order_id>")
        @login_required
        def get_order(order_id):
            order = Order.query.get_or_404(order_id)
            return jsonify(order.to_dict())
    """),
    ("admin-requires-auth", "pass", """
        from flask import Flask, jsonify, abort
        from flask_login import login_required, current_user
        app = Flask(__name__)
        @app.route("/orders/<int:order_id>")
        @login_required
        def get_order(order_id):
            order = Order.query.get_or_404(order_id)
            if order.user_id != current_user.id:
                abort(404)
            return jsonify(order.to_dict())
    """),
    ("admin-requires-auth", "fail", """
        from django.views.generic import DeleteView
        class AccountDeleteView(DeleteView):
            model = Account
            success_url = "/"
    """),
    ("admin-requires-auth", "pass", """
        from django.contrib.auth.mixins import PermissionRequiredMixin
        from django.views.generic import DeleteView
        class AccountDeleteView(PermissionRequiredMixin, DeleteView):
            permission_required = "accounts.delete_account"
            model = Account
            success_url = "/"
    """),
    ("cookie-flags", "fail", """
        DEBUG = False
        INSTALLED_APPS = ["django.contrib.sessions"]
        SESSION_COOKIE_HTTPONLY = True
        SESSION_COOKIE_SAMESITE = "Lax"
    """),
    ("cookie-flags", "fail", """
        from flask import Flask, request
        from flask_login import login_user
        app = Flask(__name__)
        app.config["SESSION_COOKIE_SECURE"] = True
        @app.post("/login")
        def login():
            user = check(request.form["email"], request.form["password"])
            login_user(user, remember=True)
            return "ok"
    """),
    ("path-confined", "fail", """
        import os
        from flask import Flask, request
        app = Flask(__name__)
        UPLOADS = "/srv/uploads"
        @app.post("/delete")
        def delete():
            name = request.form["name"]
            if ".." in name:
                return "bad", 400
            os.remove(os.path.join(UPLOADS, name))
            return "ok"
    """),
    ("no-shell-injection", "fail", """
        import asyncio
        async def lookup(domain):
            proc = await asyncio.create_subprocess_shell(f"dig +short {domain}", stdout=asyncio.subprocess.PIPE)
            out, _ = await proc.communicate()
            return out.decode()
    """),
    ("no-shell-injection", "fail", """
        import shlex, subprocess
        from flask import request
        def search():
            term = request.args["q"]
            return subprocess.check_output(f"grep -r {shlex.quote(term)} /srv/docs", shell=True)
    """),
    ("no-shell-injection", "pass", """
        import shlex, subprocess
        from flask import request
        def search():
            term = request.args["q"]
            return subprocess.check_output(f"grep -r -- {shlex.quote(term)} /srv/docs", shell=True)
    """),
    ("sql-parameterized", "fail", """
        def list_rows(connection, table_name):
            with connection.cursor() as cur:
                cur.execute("SELECT * FROM %s LIMIT 100" % table_name)
                return cur.fetchall()
    """),
    ("sql-parameterized", "fail", """
        import csv, sqlite3, sys
        def main():
            conn = sqlite3.connect("shop.db")
            with open(sys.argv[1]) as fh:
                for row in csv.reader(fh):
                    conn.execute(f"INSERT INTO products VALUES ('{row[0]}', {row[1]})")
            conn.commit()
    """),
    ("sql-parameterized", "fail", """
        from django.http import JsonResponse
        def search(request):
            q = request.GET.get("q", "")
            rows = Product.objects.raw(f"SELECT * FROM shop_product WHERE name LIKE '%{q}%'")
            return JsonResponse({"ids": [r.id for r in rows]})
    """),
    ("no-hardcoded-secrets", "fail", """
        import boto3
        s3 = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                          aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        from flask import Flask, request
        app = Flask(__name__)
        log = logging.getLogger("http")
        @app.before_request
        def log_request():
            log.info("%s %s body=%s", request.method, request.path, request.get_data(as_text=True))
        @app.post("/login")
        def login():
            return check(request.form["username"], request.form["password"])
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        CONFIG = {"db_host": "db", "db_password": None}
        def start(config):
            log.info("starting with config %s", config)
    """),
    ("tls-verify", "fail", """
        import aiohttp
        async def fetch(url):
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as s:
                async with s.get(url) as r:
                    return await r.text()
    """),
    ("tls-verify", "fail", """
        import ssl, urllib.request
        def fetch(url):
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return urllib.request.urlopen(url, context=ctx, timeout=10).read()
    """),
    ("tls-verify", "pass", """
        import ssl, urllib.request
        def fetch(url):
            ctx = ssl.create_default_context(cafile="/etc/ssl/corp-ca.pem")
            return urllib.request.urlopen(url, context=ctx, timeout=10).read()
    """),
    ("ssrf-allowlist", "fail", """
        import requests
        def deliver(event, subscriptions):
            for sub in subscriptions:
                requests.post(sub.webhook_url, json=event, timeout=5)
        def notify_all(event):
            deliver(event, Subscription.query.all())
    """),
    ("no-xss", "fail", """
        from django.http import HttpResponse
        def not_found(request, exception=None):
            return HttpResponse(f"<h1>Not found: {request.path}</h1>", status=404)
    """),
    ("csrf-protection", "fail", """
        from django.http import HttpResponse
        from django.views.decorators.csrf import csrf_exempt
        @csrf_exempt
        def change_email(request):
            request.user.email = request.POST["email"]
            request.user.save()
            return HttpResponse("ok")
    """),
    # --- request-timeout (low severity: listed, never "fail" in the medium/high sense)
    ("request-timeout", "pass", """
        import requests
        def fetch(url):
            return requests.get(url, timeout=10)
    """),
]


def _findings(code: str) -> list:
    source = textwrap.dedent(code)
    findings, notes = run_checks(source, ast.parse(source), strict=True)
    assert notes == []
    return findings


def test_catalogue_matches_checks_md() -> None:
    assert CATALOGUE <= set(CHECKS)
    assert check_ids() == frozenset(CHECKS)


def test_every_check_has_a_passing_and_a_failing_case() -> None:
    failing = {cid for cid, want, _ in CASES if want == "fail"}
    passing = {cid for cid, want, _ in CASES if want == "pass"}
    assert CATALOGUE - {"request-timeout"} <= failing
    assert CATALOGUE <= passing


@pytest.mark.parametrize(("check_id", "want", "code"), CASES,
                         ids=[f"{c}-{w}-{i}" for i, (c, w, _) in enumerate(CASES)])
def test_check_case(check_id: str, want: str, code: str) -> None:
    hits = [f for f in _findings(code) if f.rule == check_id and f.severity in ("medium", "high")]
    if want == "fail":
        assert hits, f"{check_id} should report this snippet"
        assert all(f.cwe and f.cwe.startswith("CWE-") for f in hits)
        assert all(f.tool == "redline-checks" for f in hits)
    else:
        assert not hits, [f.message for f in hits]


def test_request_timeout_is_low_severity() -> None:
    found = _findings("import requests\ndef f(u):\n    return requests.get(u)\n")
    timeouts = [f for f in found if f.rule == "request-timeout"]
    assert timeouts and all(f.severity == "low" for f in timeouts)


def test_finding_lines_point_into_the_code() -> None:
    code = "import os\n\n\ndef f(host):\n    os.system('ping ' + host)\n"
    shell = [f for f in _findings(code) if f.rule == "no-shell-injection"]
    assert [f.line for f in shell] == [5]


@pytest.mark.parametrize("code", [
    "x = " + "(" * 80 + "1" + ")" * 80 + "\n",
    "s = '" + "A" * 200_000 + "'\n",
    "def f():\n" + "".join(f"    v{i} = v{i - 1} + 'x'\n" for i in range(1, 400)) + "    return v399\n",
    "import os\nos.system('../../etc/passwd' + __name__)\nopen('../../etc/passwd')\n",
    "q = 'SELECT * FROM t WHERE a = %s' % (q,)\ncur.execute(q)\n",
])
def test_hostile_code_does_not_crash(code: str) -> None:
    tree = ast.parse(code)
    findings, notes = run_checks(code, tree)
    assert isinstance(findings, list) and isinstance(notes, list)


def test_checks_subset() -> None:
    code = "import os\nos.system('rm ' + input())\nimport pickle\npickle.loads(input())\n"
    only, _ = run_checks(code, ast.parse(code), ["no-shell-injection"])
    assert {f.rule for f in only} == {"no-shell-injection"}
