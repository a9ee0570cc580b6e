# Independent secure reference for app-partner-feed-importer.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Partner product feed importer: XML feeds, YAML category mappings, resumable imports, partner admin."""
import hmac
import json
import os
import re
import sqlite3
import tempfile
from functools import wraps

import yaml
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 20 * 1024 * 1024
STATE_DIR = os.path.abspath("state")
DB_PATH = "products.db"
_PARTNER_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
os.makedirs(STATE_DIR, exist_ok=True)


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS products (partner TEXT NOT NULL, sku TEXT NOT NULL, data TEXT NOT NULL,"
        " PRIMARY KEY (partner, sku))"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS mappings (partner TEXT NOT NULL, their_category TEXT NOT NULL,"
        " our_category TEXT NOT NULL, PRIMARY KEY (partner, their_category))"
    )
    return conn


def require_admin(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        expected = os.environ.get("ADMIN_TOKEN", "")
        sent = request.headers.get("X-Admin-Token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def _partner_id(value: str | None) -> str:
    if not value or not _PARTNER_RE.match(value):
        abort(400, "invalid partner id")
    return value


def _partner_from_request() -> str:
    return _partner_id(request.headers.get("X-Partner-Id") or request.values.get("partner") or request.values.get("partner_id"))


def _upload_bytes(extensions: tuple[str, ...]) -> bytes:
    file = request.files.get("file")
    if file is not None:
        if not file.filename or not file.filename.lower().endswith(extensions):
            abort(400, "file type not allowed")
        return file.read()
    if not request.data:
        abort(400, "no file")
    return request.data


# --- import state: plain JSON on disk, never pickle ---------------------------------------------
def _state_path(partner: str) -> str:
    return os.path.join(STATE_DIR, f"{partner}.json")


def load_state(partner: str) -> dict:
    try:
        with open(_state_path(partner), encoding="utf-8") as fh:
            state = json.load(fh)
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def save_state(partner: str, state: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=STATE_DIR, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(state, fh)
    os.replace(tmp, _state_path(partner))


def _product_fields(element) -> dict:
    fields = {k: v for k, v in element.attrib.items()}
    for child in element:
        fields[child.tag] = (child.text or "").strip()
    return fields


@app.route("/feeds", methods=["POST"])
def upload_feed():
    partner = _partner_from_request()
    raw = _upload_bytes((".xml",))
    try:
        root = SafeET.fromstring(raw)  # no DTDs, no external entities, no entity expansion
    except (SafeET.ParseError, DefusedXmlException):
        abort(400, "invalid XML feed")
    products = [_product_fields(el) for el in root]
    state = load_state(partner)
    start = state.get("processed", 0) if state.get("status") == "in_progress" else 0
    state.update({"status": "in_progress", "total": len(products), "processed": start})
    save_state(partner, state)
    with _db() as conn:
        mapping = dict(conn.execute("SELECT their_category, our_category FROM mappings WHERE partner = ?", (partner,)))
        for index in range(start, len(products)):
            product = products[index]
            if "category" in product:
                product["category"] = mapping.get(product["category"], product["category"])
            sku = str(product.get("sku") or product.get("id") or index)
            conn.execute(
                "INSERT OR REPLACE INTO products (partner, sku, data) VALUES (?, ?, ?)",
                (partner, sku, json.dumps(product)),
            )
            state["processed"] = index + 1
            if (index + 1) % 100 == 0:
                conn.commit()
                save_state(partner, state)
    state["status"] = "done"
    save_state(partner, state)
    return jsonify({"partner": partner, "imported": len(products) - start, "total": len(products)})


@app.route("/mappings", methods=["POST"])
def upload_mappings():
    partner = _partner_from_request()
    raw = _upload_bytes((".yaml", ".yml"))
    try:
        data = yaml.safe_load(raw)  # plain data only, never arbitrary Python objects
    except yaml.YAMLError:
        abort(400, "invalid YAML")
    if isinstance(data, dict) and isinstance(data.get("mappings"), dict):
        data = data["mappings"]
    if not isinstance(data, dict):
        abort(400, "expected a mapping of their categories to ours")
    pairs = [(partner, str(k), str(v)) for k, v in data.items()]
    with _db() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO mappings (partner, their_category, our_category) VALUES (?, ?, ?)", pairs
        )
    return jsonify({"partner": partner, "mappings": len(pairs)})


@app.route("/admin/partners", methods=["GET"])
@require_admin
def list_partners():
    partners = {}
    for name in sorted(os.listdir(STATE_DIR)):
        if name.endswith(".json"):
            partners[name[:-5]] = load_state(name[:-5])
    with _db() as conn:
        for (partner,) in conn.execute("SELECT DISTINCT partner FROM products"):
            partners.setdefault(partner, {})
    return jsonify([{"id": pid, "state": st} for pid, st in partners.items()])


@app.route("/admin/partners/<partner_id>/reset", methods=["POST"])
@require_admin
def reset_partner(partner_id: str):
    partner = _partner_id(partner_id)
    try:
        os.remove(_state_path(partner))
    except FileNotFoundError:
        pass
    return jsonify({"id": partner, "reset": True})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
