"""Table-driven tests for the generalised checks: logging sinks and values, access control as enforced (groups,
hooks, decorators judged by their bodies, ownership, client-controlled roles), safe dynamic SQL and confined paths.

Each case is a snippet written for this test (not from the labelled set) that must fail or pass one check.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from redline.judges.code.checks import run_checks

CASES: list[tuple[str, str, str]] = [
    # --- no-sensitive-logging: sinks and message assembly
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        def connect(user, secret):
            log.info("connecting " + user + " using " + secret)
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        def sync(host, pwd):
            logging.getLogger("sync").debug("sync {} {}".format(host, pwd))
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger("auth")
        def attempt(u, p):
            log.warning("login", extra={"user": u, "password": p})
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger("auth")
        def attempt(u, p):
            log.warning("login user=%s password=%s", u, p)
    """),
    ("no-sensitive-logging", "fail", """
        import structlog
        logger = structlog.get_logger()
        def pay(order, number):
            logger.info("charging", order=order, card_number=number)
    """),
    ("no-sensitive-logging", "fail", """
        import structlog
        class Client:
            def __init__(self, key):
                self.log = structlog.get_logger().bind(service="maps", api_key=key)
    """),
    ("no-sensitive-logging", "fail", """
        from loguru import logger
        def rotate(old_secret, new_secret):
            logger.info("rotated {} -> {}", old_secret, new_secret)
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        from starlette.middleware.base import BaseHTTPMiddleware
        log = logging.getLogger("http")
        class Audit(BaseHTTPMiddleware):
            async def dispatch(self, request, call_next):
                raw = await request.body()
                log.info("%s %s %s", request.method, request.url.path, raw.decode())
                return await call_next(request)
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        from flask import Flask, request
        app = Flask(__name__)
        @app.before_request
        def trace():
            app.logger.debug("headers: %s", dict(request.headers))
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        from flask import Flask, request
        app = Flask(__name__)
        @app.post("/signin")
        def signin():
            fields = request.form.to_dict()
            app.logger.info("signin %s", fields)
            return check(fields["email"], fields["passphrase"])
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        def exchange(http, code):
            reply = http.post("/oauth/token", data={"code": code}).json()
            log.debug("token reply %r", reply)
            return reply["refresh_token"]
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        def invite(base, email, token):
            url = f"{base}/accept?token={token}"
            log.info("sent invite to %s: %s", email, url)
    """),
    ("no-sensitive-logging", "fail", """
        import logging, os
        log = logging.getLogger(__name__)
        def broker_url():
            return "amqp://%s:%s@mq/" % (os.environ["MQ_USER"], os.environ["MQ_PASSWORD"])
        def start():
            target = broker_url()
            log.info("connecting to %s", target)
    """),
    ("no-sensitive-logging", "fail", """
        import logging
        log = logging.getLogger(__name__)
        SETTINGS = {"smtp_host": "mail", "smtp_password": None}
        def dump(settings):
            for name, value in settings.items():
                log.info("%s=%s", name, value)
            return settings["smtp_password"]
    """),
    ("no-sensitive-logging", "fail", """
        import sys
        def charge(cvv, amount):
            sys.stderr.write(f"charging {amount} with cvv {cvv}\\n")
    """),
    ("no-sensitive-logging", "pass", """
        import logging
        log = logging.getLogger(__name__)
        def attempt(username, password):
            log.warning("bad password for %s", username)
            log.info("password length %d", len(password))
    """),
    ("no-sensitive-logging", "pass", """
        import logging
        log = logging.getLogger(__name__)
        def store(card_number):
            log.info("stored card ending %s", card_number[-4:])
    """),
    ("no-sensitive-logging", "pass", """
        import hashlib, logging
        log = logging.getLogger(__name__)
        def fp(token):
            return hashlib.sha256(token.encode()).hexdigest()[:10]
        def use(token):
            log.info("token fp=%s", fp(token))
    """),
    ("no-sensitive-logging", "pass", """
        import logging
        from flask import Flask, request
        app = Flask(__name__)
        @app.get("/search")
        def search():
            app.logger.info("search args %s", request.args)
            return run(request.args.get("q"))
    """),
    ("no-sensitive-logging", "pass", """
        import logging
        log = logging.getLogger(__name__)
        def login(auth, user, password):
            account = auth.authenticate(user, password)
            log.info("logged in %s (token_id=%s)", account, account.token_id)
    """),
    # --- admin-requires-auth: enforcement, groups, decorators, ownership, client-controlled roles
    ("admin-requires-auth", "fail", """
        from flask import Blueprint, abort
        from flask_login import current_user
        ops = Blueprint("ops", __name__, url_prefix="/admin")
        @ops.before_request
        def only_logged_in():
            if not current_user.is_authenticated:
                abort(401)
        @ops.post("/flags/<name>")
        def toggle(name):
            return flip(name)
    """),
    ("admin-requires-auth", "pass", """
        from flask import Blueprint, abort
        from flask_login import current_user
        ops = Blueprint("ops", __name__, url_prefix="/admin")
        @ops.before_request
        def only_admins():
            if not current_user.is_authenticated or not current_user.is_admin:
                abort(403)
        @ops.post("/flags/<name>")
        def toggle(name):
            return flip(name)
    """),
    ("admin-requires-auth", "fail", """
        from flask import Flask, flash, render_template
        from flask_login import current_user, login_required
        app = Flask(__name__)
        @app.route("/admin/audit")
        @login_required
        def audit():
            if current_user.role != "admin":
                flash("admins only")
            return render_template("audit.html")
    """),
    ("admin-requires-auth", "fail", """
        from functools import wraps
        from flask import Flask, redirect
        from flask_login import current_user
        app = Flask(__name__)
        def staff_only(view):
            @wraps(view)
            def inner(*a, **k):
                if not current_user.is_authenticated:
                    return redirect("/login")
                return view(*a, **k)
            return inner
        @app.post("/admin/members/<int:mid>/ban")
        @staff_only
        def ban(mid):
            return do_ban(mid)
    """),
    ("admin-requires-auth", "pass", """
        from functools import wraps
        from flask import Flask, abort
        from flask_login import current_user
        app = Flask(__name__)
        def staff_only(view):
            @wraps(view)
            def inner(*a, **k):
                if not current_user.is_authenticated or not current_user.is_staff:
                    abort(403)
                return view(*a, **k)
            return inner
        @app.post("/admin/members/<int:mid>/ban")
        @staff_only
        def ban(mid):
            return do_ban(mid)
    """),
    ("admin-requires-auth", "fail", """
        from fastapi import APIRouter, Depends, FastAPI
        from .security import current_account
        panel = APIRouter(prefix="/admin", dependencies=[Depends(current_account)])
        @panel.delete("/tenants/{tid}")
        def drop_tenant(tid: int):
            return remove(tid)
        app = FastAPI()
        app.include_router(panel)
    """),
    ("admin-requires-auth", "pass", """
        from fastapi import APIRouter, Depends, FastAPI, HTTPException
        from .security import current_account
        def superuser(account=Depends(current_account)):
            if not account.is_superuser:
                raise HTTPException(status_code=403)
            return account
        panel = APIRouter(prefix="/admin", dependencies=[Depends(superuser)])
        @panel.delete("/tenants/{tid}")
        def drop_tenant(tid: int):
            return remove(tid)
    """),
    ("admin-requires-auth", "fail", """
        from django.views.decorators.http import require_POST
        from .models import Member
        @require_POST
        def delete_member(request, member_id):
            Member.objects.filter(pk=member_id).delete()
    """),
    ("admin-requires-auth", "fail", """
        from flask import Flask, abort, request
        app = Flask(__name__)
        def requester_level():
            return request.cookies.get("level", "guest")
        @app.post("/config/reload")
        def reload_config():
            if requester_level() != "admin":
                abort(403)
            return reload()
    """),
    ("admin-requires-auth", "fail", """
        from fastapi import Depends, FastAPI, HTTPException
        from pydantic import BaseModel
        from .auth import current_user
        app = FastAPI()
        class Edit(BaseModel):
            text: str
            moderator: bool = False
        @app.put("/comments/{cid}")
        def edit(cid: int, body: Edit, user=Depends(current_user)):
            c = load(cid)
            if c.author_id != user.id and not body.moderator:
                raise HTTPException(status_code=403)
            return save(c, body.text)
    """),
    ("admin-requires-auth", "fail", """
        from flask import Flask, render_template
        from flask_login import current_user, login_required
        from models import Receipt
        app = Flask(__name__)
        @app.get("/receipts/<int:receipt_id>")
        @login_required
        def receipt(receipt_id):
            r = Receipt.query.get_or_404(receipt_id)
            return render_template("receipt.html", receipt=r, viewer=current_user)
    """),
    ("admin-requires-auth", "pass", """
        from flask import Flask, render_template
        from flask_login import current_user, login_required
        from models import Receipt
        app = Flask(__name__)
        def mine(receipt_id):
            return Receipt.query.filter_by(id=receipt_id, customer_id=current_user.id).first_or_404()
        @app.get("/receipts/<int:receipt_id>")
        @login_required
        def receipt(receipt_id):
            return render_template("receipt.html", receipt=mine(receipt_id))
    """),
    ("admin-requires-auth", "pass", """
        from flask import Flask, abort, request
        from flask_login import login_required, current_user
        app = Flask(__name__)
        ROLES = {"viewer", "editor"}
        @app.post("/team/invite")
        @login_required
        def invite():
            role = request.json.get("role")
            if role not in ROLES:
                abort(400)
            return send_invite(current_user, role)
    """),
    # --- sql-parameterized: safe dynamic SQL passes, unsafe identifiers fail
    ("sql-parameterized", "fail", """
        from sqlalchemy import select, text
        def page(db, order):
            return db.scalars(select(Item).order_by(text(f"{order} DESC"))).all()
    """),
    ("sql-parameterized", "fail", """
        from psycopg2 import sql
        def column(conn, col):
            q = sql.SQL("SELECT {} FROM readings").format(sql.SQL(col))
            conn.cursor().execute(q)
    """),
    ("sql-parameterized", "pass", """
        from psycopg2 import sql
        def column(conn, col):
            q = sql.SQL("SELECT {} FROM readings").format(sql.Identifier(col))
            conn.cursor().execute(q)
    """),
    ("sql-parameterized", "pass", """
        SORTS = {"new": "created_at DESC", "old": "created_at ASC"}
        def listing(cur, sort):
            order = SORTS.get(sort) or "created_at DESC"
            cur.execute(f"SELECT * FROM posts ORDER BY {order}")
    """),
    ("sql-parameterized", "pass", """
        ALLOWED = ("name", "email")
        def _col(value):
            if value not in ALLOWED:
                raise ValueError(value)
            return value
        def find(cur, field, term):
            cur.execute(f"SELECT id FROM people WHERE {_col(field)} = ?", (term,))
    """),
    ("sql-parameterized", "pass", """
        def by_ids(conn, ids):
            marks = ", ".join(f":p{i}" for i, _ in enumerate(ids))
            conn.execute(f"SELECT * FROM t WHERE id IN ({marks})", {f"p{i}": v for i, v in enumerate(ids)})
    """),
    ("sql-parameterized", "pass", """
        EDITABLE = {"title", "body"}
        def patch(cur, pid, data):
            cols = [c for c in data if c in EDITABLE]
            sets = ", ".join(f"{c} = ?" for c in cols)
            cur.execute(f"UPDATE posts SET {sets} WHERE id = ?", [data[c] for c in cols] + [pid])
    """),
    ("sql-parameterized", "pass", """
        KNOWN = {"sku", "qty"}
        def load(cur, header, rows):
            if not set(header).issubset(KNOWN):
                raise SystemExit("unknown column")
            cur.executemany(f"INSERT INTO stock ({', '.join(header)}) VALUES ({', '.join('?' * len(header))})", rows)
    """),
    ("sql-parameterized", "pass", """
        from datetime import datetime
        def archive(cur):
            table = "events_" + datetime.now().strftime("%Y_%m")
            cur.execute(f"CREATE TABLE IF NOT EXISTS {table} (id INTEGER)")
    """),
    # --- path-confined / upload-allowlist
    ("path-confined", "pass", """
        from pathlib import Path
        def install(bundle: Path, dest: Path):
            target = dest / bundle.name
            target.write_bytes(bundle.read_bytes())
    """),
    ("path-confined", "pass", """
        import os
        from flask import Flask, request, send_file
        app = Flask(__name__)
        REPORTS = {"q1": "q1.pdf", "q2": "q2.pdf"}
        @app.get("/report")
        def report():
            return send_file(os.path.join("/srv/reports", REPORTS[request.args["id"]]))
    """),
    ("path-confined", "pass", """
        import os, re
        from flask import Flask, abort, send_file
        app = Flask(__name__)
        @app.get("/logs/<name>")
        def log(name):
            if not re.fullmatch(r"[a-z0-9_-]+", name):
                abort(400)
            return send_file(os.path.join("/var/log/app", name + ".log"))
    """),
    ("path-confined", "pass", """
        from django.http import FileResponse
        from django.shortcuts import get_object_or_404
        from .models import Attachment
        def download(request, pk):
            att = get_object_or_404(Attachment, pk=pk, owner=request.user)
            return FileResponse(open(att.file.path, "rb"))
    """),
    ("path-confined", "pass", """
        from pathlib import Path
        from flask import Flask, abort, request, send_file
        app = Flask(__name__)
        BASE = Path("/srv/files").resolve()
        def inside(name):
            p = (BASE / name).resolve()
            if not p.is_relative_to(BASE):
                abort(404)
            return p
        @app.get("/f")
        def f():
            return send_file(inside(request.args["name"]))
    """),
    ("path-confined", "fail", """
        import os
        from flask import Flask, request, send_file
        app = Flask(__name__)
        @app.get("/f")
        def f():
            return send_file(os.path.join("/srv/files", request.args["name"]))
    """),
    ("path-confined", "fail", """
        from pathlib import Path
        def read_user_file(base: Path, name: str) -> str:
            return (base / name).read_text()
    """),
    ("upload-allowlist", "pass", """
        from django import forms
        from django.core.validators import FileExtensionValidator
        class DocForm(forms.Form):
            doc = forms.FileField(validators=[FileExtensionValidator(["pdf"])])
        def upload(request):
            form = DocForm(request.POST, request.FILES)
            if form.is_valid():
                with open("/srv/docs/x.pdf", "wb") as out:
                    out.write(request.FILES["doc"].read())
    """),
]


def _findings(code: str) -> list[str]:
    source = textwrap.dedent(code)
    findings, notes = run_checks(source, ast.parse(source), strict=True)
    assert notes == []
    return [f.rule for f in findings if f.severity in ("medium", "high")]


@pytest.mark.parametrize(("check_id", "want", "code"), CASES,
                         ids=[f"{c}-{w}-{i}" for i, (c, w, _) in enumerate(CASES)])
def test_generalised_check_case(check_id: str, want: str, code: str) -> None:
    hits = [r for r in _findings(code) if r == check_id]
    assert bool(hits) == (want == "fail"), f"{check_id} should {'report' if want == 'fail' else 'pass'} this snippet"


def test_every_area_has_pass_and_fail_cases() -> None:
    for check_id in ("no-sensitive-logging", "admin-requires-auth", "sql-parameterized", "path-confined"):
        assert {w for c, w, _ in CASES if c == check_id} == {"pass", "fail"}
