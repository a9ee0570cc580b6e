"""Partner product feed importer: XML feeds, YAML category mappings, resumable imports, partner admin.

Endpoints: POST /feeds (XML), POST /mappings (YAML), GET /admin/partners, POST /admin/partners/<id>/reset.
Import state is saved in ./state between restarts.
"""
import hmac
import json
import os
import re
from functools import wraps

import yaml
from defusedxml import ElementTree
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
STATE_DIR = "state"
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def partner_id() -> str:
    pid = request.headers.get("X-Partner-Id") or request.values.get("partner_id", "")
    if not ID_RE.fullmatch(pid):
        abort(400, "partner id required")
    return pid


def require_admin(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        expected = os.environ.get("ADMIN_TOKEN", "")
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


def state_path(pid: str) -> str:
    os.makedirs(STATE_DIR, exist_ok=True)
    return os.path.join(STATE_DIR, f"{pid}.json")


def load_state(pid: str) -> dict:
    try:
        with open(state_path(pid)) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {"products": {}, "mapping": {}, "offset": 0}


def save_state(pid: str, state: dict) -> None:
    tmp = state_path(pid) + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(state, fh)
    os.replace(tmp, state_path(pid))


def uploaded(*fields: str) -> bytes:
    for field in fields:
        if field in request.files:
            return request.files[field].read(5_000_000)
    return request.get_data(cache=False)[:5_000_000]


@app.post("/feeds")
def feeds():
    pid = partner_id()
    try:
        root = ElementTree.fromstring(uploaded("file", "feed"), forbid_dtd=True)
    except Exception:  # defusedxml refuses DTDs and entities; anything else is malformed
        abort(400, "malformed or unsafe XML")
    state = load_state(pid)
    products = root.findall(".//product")
    for n, product in enumerate(products[state["offset"]:], start=state["offset"]):
        sku = (product.findtext("sku") or "").strip()
        state["products"][sku] = {"name": (product.findtext("name") or "").strip(),
                                  "category": (product.findtext("category") or "").strip(),
                                  "price": (product.findtext("price") or "").strip()}
        state["offset"] = n + 1
        save_state(pid, state)
    state["offset"] = 0
    save_state(pid, state)
    return jsonify(imported=len(products))


@app.post("/mappings")
def mappings():
    pid = partner_id()
    data = yaml.safe_load(uploaded("file", "mapping")) or {}
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        abort(400, "a mapping of category names")
    state = load_state(pid)
    state["mapping"] = data
    save_state(pid, state)
    return jsonify(mapped=len(data))


@app.get("/admin/partners")
@require_admin
def partners():
    names = sorted(f[:-5] for f in os.listdir(STATE_DIR) if f.endswith(".json")) if os.path.isdir(STATE_DIR) else []
    return jsonify(partners=names)


@app.post("/admin/partners/<pid>/reset")
@require_admin
def reset(pid):
    if not ID_RE.fullmatch(pid):
        abort(400)
    try:
        os.remove(state_path(pid))
    except FileNotFoundError:
        abort(404)
    return jsonify(reset=pid)
